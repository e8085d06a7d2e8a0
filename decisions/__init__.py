"""The decisions register: every outcome of every meeting, and its follow-up."""
