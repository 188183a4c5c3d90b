"""体育 process evaluation and 中招体育 configuration (Qt-free, no database).

``config``: the school's ``pe_config`` (process-score weights, scales, the comprehensive result's
split), every number a documented default awaiting the district's confirmation; ``scoring``: the
process score and the comprehensive PE result; ``zhongkao``: the 中招体育 scheme as per-year
configuration with validation and a scorer, and no built-in Henan numbers (domain_rules §4.1:
unverified).
"""
