"""Dock panel, dialogs and forms (see issue: analyst panels)."""
