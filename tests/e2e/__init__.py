"""End-to-end tests: the real LokClient against a real Lok sandbox over loopback HTTP."""
