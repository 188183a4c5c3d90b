"""Reading spreadsheets people bring (xlsx, xls, csv) and writing small result workbooks.

Generic on purpose: the roster, fitness and labor imports each bring their own synonym table
(field key → header spellings) and reuse the same reader and header mapping.
"""
