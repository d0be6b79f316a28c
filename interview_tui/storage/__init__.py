"""Storage: crash-safe files, the session store, the list index, autosave, the lock.

Only this package knows TinyDB, file layouts and schema versions."""
