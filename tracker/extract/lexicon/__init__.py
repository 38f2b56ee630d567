"""Word lists the extractor reads, kept apart from the logic that reads them.

Each module is plain data: tables a new language's extractor can replace or
extend without touching the rules that use them.
"""
