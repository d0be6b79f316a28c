"""Everything that imports Textual: the app, screens, widgets, dialogs, key map."""
