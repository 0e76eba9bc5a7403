"""When: the article's date, the claim's date and the row's date decide the verdict.

- `article_date.find_article_date(document)`: the publication date and where it came from.
- `claim_date.claim_time(claim, article_date)`: the time a claim is about.
- `series.pick_row(rows, time, metric)`: the row of a series nearest that time, and its staleness.
- `staleness.time_verdict(checked, time, article_date)`: the verdict made to respect time.
- `elapsed.elapsed_claims(text, reference, article_date)`: "the fourth anniversary of ..." checked.
"""
