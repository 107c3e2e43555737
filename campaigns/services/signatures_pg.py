"""Signing in one SQL statement on PostgreSQL: the hot path of the public endpoint.

The statement upserts the supporter, inserts the signature unless this person already
signed, notes their participation and adds to the counters and consents, all only when the
signature is new. A supporter row the statement inserted (`xmax = 0`) makes the signer a
new supporter as well. Being one statement it is atomic on its own, and the unique constraints
keep it exact under any concurrency. Semantics match the portable path in signatures.py.
"""

from django.utils import timezone

from campaigns.sql import execute_prepared
from campaigns.totals import free_cell_shard_sql, random_shard

SQL = """
WITH place AS (
    SELECT CASE WHEN COUNT(*) = 1 OR COUNT(DISTINCT state) = 1 THEN MIN(state) ELSE '' END
               AS state,
           CASE WHEN COUNT(*) = 1 THEN MIN(district) END AS district
    FROM (SELECT DISTINCT state, district FROM legislators_zipdistrict WHERE zcta = %(zip5)s) z
), sup AS (
    INSERT INTO campaigns_supporter AS s (email, first_name, last_name, zip_code, address1,
        city, state, source, created_at, updated_at)
    VALUES (%(email)s, %(first_name)s, %(last_name)s, %(zip_code)s, '', '', '', %(source)s,
        %(now)s, %(now)s)
    ON CONFLICT (email_key) DO UPDATE SET
        first_name = CASE WHEN excluded.first_name <> '' THEN excluded.first_name
                          ELSE s.first_name END,
        last_name = CASE WHEN excluded.last_name <> '' THEN excluded.last_name
                         ELSE s.last_name END,
        zip_code = CASE WHEN excluded.zip_code <> '' THEN excluded.zip_code
                        ELSE s.zip_code END,
        updated_at = excluded.updated_at
    RETURNING id, (xmax = 0) AS inserted
), sig AS (
    INSERT INTO campaigns_signature (campaign_id, supporter_id, zip_code, state, district,
        comment, source, show_publicly, created_at)
    SELECT %(campaign)s, sup.id, %(zip_code)s, place.state, place.district, %(comment)s,
        %(source)s, %(show_publicly)s, %(now)s
    FROM sup, place
    ON CONFLICT (campaign_id, supporter_id) DO NOTHING
    RETURNING id, supporter_id, state, district
), part AS (
    INSERT INTO campaigns_participation (campaign_id, supporter_id, created_at)
    SELECT %(campaign)s, supporter_id, %(now)s FROM sig
    ON CONFLICT (campaign_id, supporter_id) DO NOTHING
    RETURNING supporter_id
), events AS (
    SELECT 1 AS position, 'signatures' AS metric, state, district FROM sig
    UNION ALL
    SELECT 2, 'supporters', sig.state, sig.district FROM sig JOIN part USING (supporter_id)
    UNION ALL
    SELECT 3, 'supporters_new', sig.state, sig.district
    FROM sig JOIN part USING (supporter_id) JOIN sup ON sup.id = sig.supporter_id
    WHERE sup.inserted
), counted AS (
    INSERT INTO campaigns_counter (campaign_id, metric, shard, value)
    SELECT %(campaign)s, metric, %(shard)s, 1 FROM events ORDER BY position
    ON CONFLICT (campaign_id, metric, shard)
    DO UPDATE SET value = campaigns_counter.value + excluded.value
), rolled_up AS (
    INSERT INTO campaigns_breakdowncounter (campaign_id, metric, day, state, district, source,
        shard, value)
    SELECT %(campaign)s, metric, %(day)s, state, COALESCE(district, -1), %(source)s,
        {cell_shard}, 1
    FROM events ORDER BY position
    ON CONFLICT (campaign_id, metric, day, state, district, source, shard)
    DO UPDATE SET value = campaigns_breakdowncounter.value + excluded.value
), consented AS (
    INSERT INTO campaigns_consentrecord (supporter_id, campaign_id, partner_id, purpose,
        created_at)
    SELECT sig.supporter_id, %(campaign)s, NULL, purpose, %(now)s
    FROM sig, unnest(%(purposes)s::varchar[]) AS purpose
    UNION ALL
    SELECT sig.supporter_id, %(campaign)s, partner.id, 'partner', %(now)s
    FROM sig JOIN campaigns_partner partner
      ON partner.campaign_id = %(campaign)s AND partner.cosponsor
     AND partner.id = ANY(%(partner_ids)s::bigint[])
    WHERE cardinality(%(partner_ids)s::bigint[]) > 0  -- most sign without: skip the lookup
)
SELECT sup.id, sig.id, sig.state, sig.district FROM sup LEFT JOIN sig ON TRUE
""".format(  # noqa: S608 - the one substitution is fixed SQL from campaigns.totals
    cell_shard=free_cell_shard_sql(
        "%(campaign)s", "metric", "%(day)s", "state", "COALESCE(district, -1)", "%(source)s"
    )
)


def signature_insert_statement(
    *,
    campaign_id: int,
    email: str,
    first_name: str,
    last_name: str,
    zip_code: str,
    comment: str,
    source: str,
    show_publicly: bool,
    partner_ids,
) -> tuple[int, int | None, str, int | None, object]:
    """Run the statement; (supporter id, signature id or None if signed before, state,
    district, signed-at time)."""
    now = timezone.now()
    purposes = ["petition", "public_listing"] if show_publicly else ["petition"]
    params = {
        "campaign": campaign_id,
        "email": email.strip().lower(),
        "first_name": first_name or "",
        "last_name": last_name or "",
        "zip_code": zip_code or "",
        "zip5": (zip_code or "")[:5],
        "comment": comment or "",
        "source": source or "",
        "show_publicly": bool(show_publicly),
        "now": now,
        "day": timezone.localdate(now),
        "shard": random_shard(),
        "purposes": purposes,
        "partner_ids": [int(pk) for pk in partner_ids],
    }
    # Planning this statement takes as long as running it: prepared once per connection.
    # Running it twice signs once, so a dead connection is found by running it, not by
    # an extra health-check round trip first.
    [(supporter_id, signature_id, state, district)] = execute_prepared(
        SQL, params, safe_to_repeat=True
    )
    return supporter_id, signature_id, state or "", district, now
