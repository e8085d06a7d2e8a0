"""Annual work plans agreed by the Senior Officials' Meetings."""
