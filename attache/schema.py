"""The closed vocabularies of the extraction record (../shared/schema/README.md).

Every record attache writes uses only these values; tests check records against them.
"""

EVENT_TYPES = frozenset({"consultation", "visit", "meeting", "talks", "summit", "forum", "commission",
                         "phone_call", "signing", "other"})
STATUSES = frozenset({"occurred", "planned"})
TOPICS = frozenset({"politics", "trade", "economy", "energy", "oil_gas", "transport", "logistics", "culture",
                    "education", "science", "health", "security", "environment", "digital", "finance",
                    "agriculture", "tourism", "water", "humanitarian", "investment", "industry"})
