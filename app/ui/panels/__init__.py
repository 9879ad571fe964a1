"""The designer's docks: palette, inspector, checklist, and the lane/phase dialogs."""
