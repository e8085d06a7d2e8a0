"""The Operational Mechanism as a versioned text, amended only at Ministerial Conferences."""
