"""Files and their safety: open/save actions, safe save, backups, recovery, file watch."""
