"""Email alerts: subscriptions without an account, double opt-in, digests by Celery beat."""
