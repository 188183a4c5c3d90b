"""Validators for identifiers and codes (domain_rules §5). Each ``parse_*`` returns the normalised
value or raises ``ValidationError`` with a message a clerk can act on."""
