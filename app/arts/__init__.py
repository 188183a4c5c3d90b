"""Arts education (美育): rules and records that need no database.

``constants`` names the enums (award levels and ranks, specialty categories, activity kinds …),
``config`` holds the school's adjustable assessment settings (sub-splits, bands, cap, point rule,
self-evaluation weights), ``models`` the records, ``scoring`` the assessment arithmetic and
``award_rules`` what an award counts for. The Award record is shared with sports and labor; it
lives here because arts is where its counting rules come from (domain_rules §2.4).

Nothing in this package imports ``db`` or ``app.services``: both of them import it.
"""
