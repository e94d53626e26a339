"""The authorization rules, one module per capability (tests/support/authorization_rules.py combines them)."""
