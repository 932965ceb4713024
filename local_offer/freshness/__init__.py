"""Freshness: whether each record is still trustworthy today, and who must act.

Review states from the review dates and settings, the statistics the freshness page
shows, and the check's findings for people (text, Markdown) and programs (JSON, GitHub)."""
