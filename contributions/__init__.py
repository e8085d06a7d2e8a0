"""The participant states' voluntary contributions to the Support Unit's costs
(secretariat only)."""
