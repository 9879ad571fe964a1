"""The designer's canvas: a Qt Graphics View of the session's diagram, and its interactions."""
