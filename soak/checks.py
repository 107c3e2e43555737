"""The soak's checks and reports, read once the load has stopped (see `soak.run`)."""

from __future__ import annotations

from collections import Counter

import requests

from soak import services
from soak.load import BURST_ADDRESS, CAMPAIGN, HTTPS, Load
from soak.logs import access_statuses, error_kind, json_lines, percentile, say

MEMORY_LIMIT_MB = 150
# The production defaults, set here so the burst's figures do not depend on the caller's
# environment: the API allows 20 submissions a minute per client address.
LIMITS = {
    "RATE_LIMIT_PER_IP": "30/600",
    "RATE_LIMIT_PER_EMAIL": "6/3600",
    "API_THROTTLE_ACTION_SUBMIT": "20/min",
}
BURST_ALLOWED = 20
KOMBU_RESTORE_DEFECT = "'NoneType' object has no attribute 'hostname'"


class SoakChecks:
    """What `soak.run.Soak` checks and prints at the end; each failed check's name goes
    to `failures`. It reads the run's state: its services, kills, crashes, memory samples,
    work folder and the CWC server's address."""

    def check(self, name: str, ok: bool, detail: str) -> None:
        say(f"  {'ok  ' if ok else 'FAIL'} {name}: {detail}")
        if not ok:
            self.failures.append(name)

    def report(self, load: Load, start_memory: dict, end_memory: dict) -> None:
        outcomes = load.outcomes
        say("")
        say("requests")
        by_kind = Counter((o.kind, o.status) for o in outcomes)
        for kind in ("signature", "letter"):
            statuses = ", ".join(
                f"{status or 'no answer'}: {count}"
                for (k, status), count in sorted(by_kind.items())
                if k == kind
            )
            say(f"  {kind}s: {statuses}")
        for kind in ("signature", "letter"):
            latencies = sorted(o.seconds for o in outcomes if o.kind == kind and o.status)
            if latencies:
                say(
                    f"  {kind} latency ms: "
                    + "  ".join(
                        f"{label} {percentile(latencies, q) * 1000:.0f}"
                        for label, q in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("max", 1.0))
                    )
                )
        plans = Counter(o.plan for o in outcomes)
        say("  plans: " + ", ".join(f"{plan} {count}" for plan, count in plans.most_common()))

        say("")
        say("checks")
        server_errors = [o for o in outcomes if o.status >= 500]
        no_answer = [o for o in outcomes if o.status == 0]
        self.check(
            "no 5xx, every request answered",
            not server_errors and not no_answer,
            f"{len(server_errors)} 5xx, {len(no_answer)} without an answer"
            + "".join(
                f"\n         {o.status} {o.kind} {o.plan}: {o.error}"
                for o in (server_errors + no_answer)[:5]
            ),
        )
        unexpected = [o for o in outcomes if o.status and o.status not in o.expected]
        self.check(
            "every answer as planned",
            not unexpected,
            f"{len(unexpected)} unexpected"
            + "".join(
                f"\n         {o.status} (wanted {o.expected}) {o.kind} {o.plan}: {o.error}"
                for o in unexpected[:5]
            ),
        )
        refused = [o for o in outcomes if o.status == 429]
        elsewhere = [o for o in refused if o.address != BURST_ADDRESS]
        burst = [o for o in outcomes if o.plan == "burst"]
        burst_ok = sum(o.accepted for o in burst)
        self.check(
            "429 only where the limit was meant to trigger",
            not elsewhere and burst_ok == BURST_ALLOWED and len(refused) == len(burst) - burst_ok,
            f"burst from {BURST_ADDRESS}: {burst_ok} accepted, {len(burst) - burst_ok} "
            f"refused with 429 (limit {LIMITS['API_THROTTLE_ACTION_SUBMIT']} per client address); "
            f"429 elsewhere: {len(elsewhere)}",
        )
        access = access_statuses(self.workdir / "gunicorn.log")
        server_5xx = sum(count for status, count in access.items() if status >= 500)
        self.check(
            "no 5xx in gunicorn's access log",
            server_5xx == 0 and sum(access.values()) >= len(outcomes),
            f"{sum(access.values())} requests logged, "
            + ", ".join(f"{status}: {count}" for status, count in sorted(access.items())),
        )
        self.check_totals(outcomes)
        self.check_deliveries()
        self.check_memory(start_memory, end_memory)
        # kombu 5.6/5.7 can end a worker while it restores unacknowledged messages after
        # the broker vanished ('NoneType' object has no attribute 'hostname'): a library
        # defect, restarted by the supervisor as here, reported but not counted against us.
        known = [crash for crash in self.crashes if KOMBU_RESTORE_DEFECT in crash]
        for crash in known:
            say(f"  info known kombu defect at the broker's loss, worker restarted: {crash}")
        others = [crash for crash in self.crashes if crash not in known]
        self.check(
            "no process crashed",
            not others,
            f"{len(others)} crashed" + "".join(f"\n         {crash}" for crash in others),
        )
        down = [name for name, service in self.services.items() if not service.running()]
        self.check(
            "every service still up (the killed ones replaced)",
            not down,
            f"{len(self.services) - len(down)} of {len(self.services)} running"
            + (f"; stopped: {', '.join(down)}" if down else ""),
        )
        self.report_mail(outcomes)
        self.report_logs()

    def check_totals(self, outcomes) -> None:
        signers = {o.email for o in outcomes if o.kind == "signature" and o.accepted}
        new_letters = [o.email for o in outcomes if o.kind == "letter" and o.status == 201]
        writers = {o.email for o in outcomes if o.kind == "letter" and o.accepted}
        expected = {
            "signatures": len(signers),
            "letters": len(new_letters),
            "supporters": len(signers | writers),
        }
        answer = requests.get(
            f"{self.base_url}/api/v1/campaigns/{CAMPAIGN}/totals", headers=HTTPS, timeout=10
        )
        totals = answer.json().get("totals", {}) if answer.status_code == 200 else {}
        self.check(
            "totals API = accepted by the load",
            all(totals.get(name) == value for name, value in expected.items())
            and len(new_letters) == len(set(new_letters)),
            ", ".join(
                f"{name} {totals.get(name)} (load: {value})" for name, value in expected.items()
            ),
        )
        from letters.models import Delivery

        sent = Delivery.objects.filter(status=Delivery.Status.SENT).count()
        counted = {name: totals.get(name) for name in ("deliveries_sent", "deliveries_queued")}
        self.check(
            "delivery totals",
            counted["deliveries_sent"] == sent and counted["deliveries_queued"] == 0,
            f"deliveries_sent {counted['deliveries_sent']} (rows sent: {sent}), "
            f"deliveries_queued {counted['deliveries_queued']}",
        )

    def check_deliveries(self) -> None:
        from letters.models import Delivery, Letter

        stats = services.cwc_call(self.cwc_url, "/_stats?ids=1&validate=1")
        rows = {d.cwc_delivery_id: d for d in Delivery.objects.all()}
        statuses = Counter(d.status for d in rows.values())
        letters = Letter.objects.count()
        self.check(
            "one delivery per letter and office, all sent",
            len(rows) == letters * 3 and set(statuses) <= {Delivery.Status.SENT},
            f"{letters} letters, {len(rows)} deliveries: "
            + ", ".join(f"{status} {count}" for status, count in statuses.most_common()),
        )
        attempts = Counter(d.attempts for d in rows.values())
        waits = sorted(
            (d.sent_at - d.created_at).total_seconds() for d in rows.values() if d.sent_at
        )
        if waits:
            say(
                "  info attempts per delivery: "
                + ", ".join(f"{n}: {count}" for n, count in sorted(attempts.items()))
                + f"; letter to sent: p50 {percentile(waits, 0.5):.2f} s, "
                f"p99 {percentile(waits, 0.99):.2f} s, max {waits[-1]:.1f} s"
            )
        accepted, duplicates = set(stats["ids"]), stats.get("duplicate_ids", {})
        lost, unknown = set(rows) - accepted, accepted - set(rows)
        detail = (
            f"{stats['posts']} posts, {len(accepted)} distinct DeliveryIds; "
            f"lost {len(lost)}, unknown {len(unknown)}, received twice or more {len(duplicates)}"
        )
        for delivery_id, extra in sorted(duplicates.items())[:10]:
            row = rows.get(delivery_id)
            detail += f"\n         {delivery_id}: received {extra + 1} times; " + (
                self.describe(row) if row else "no such delivery"
            )
        for delivery_id in sorted(lost)[:10]:
            detail += (
                f"\n         {delivery_id}: never received; {self.describe(rows[delivery_id])}"
            )
        if duplicates or lost:
            detail += f"\n         killed: {', '.join(self.kills)}"
        # Those being sent when the worker was killed included: the ones it had handed
        # over are recorded sent without a second post, the others are sent again.
        cut_off = [rows[i] for i in self.in_flight_at_kill if i in rows]
        settled = sum(1 for row in cut_off if row.handed_over_at and row.last_error)
        detail += (
            f"; {len(cut_off)} in flight at the worker's SIGKILL: {settled} recorded sent "
            f"after their handover, {sum(row.attempts > 1 for row in cut_off)} sent again"
        )
        self.check(
            "each delivery received by CWC exactly once",
            not lost and not unknown and not duplicates,
            detail,
        )
        if stats.get("schema_checked"):
            invalid = stats["schema_invalid"]
            self.check(
                "CWC schema",
                invalid == 0,
                f"{stats['schema_checked'] - invalid} of {stats['schema_checked']} valid",
            )

    def describe(self, row) -> str:
        """A delivery's status, attempts and times (seconds since the soak started)."""

        def at(moment) -> str:
            return f"{moment.timestamp() - self.wall_started:.1f} s" if moment else "-"

        text = (
            f"status {row.status}, attempts {row.attempts}, written at {at(row.created_at)}, "
            f"last claimed at {at(row.sending_at)}, sent at {at(row.sent_at)}"
        )
        return text + (f", last error {row.last_error[:80]!r}" if row.last_error else "")

    def check_memory(self, start: dict[int, int], end: dict[int, int]) -> None:
        mb = 1024 * 1024
        peak = max((sum(sample.values()) for _t, sample in self.memory), default=0)
        growth = (sum(end.values()) - sum(start.values())) / mb
        recycled = "" if set(start) == set(end) else " (a worker was replaced)"
        self.check(
            f"gunicorn workers' memory (growth <= {MEMORY_LIMIT_MB} MB)",
            len(end) == 2 and growth <= MEMORY_LIMIT_MB,
            f"RSS {sum(start.values()) / mb:.0f} MB at start, {sum(end.values()) / mb:.0f} MB "
            f"at end, peak {peak / mb:.0f} MB, growth {growth:+.0f} MB over {len(end)} "
            f"workers{recycled}",
        )

    def report_mail(self, outcomes) -> None:
        mails = sum(
            path.read_text(errors="replace").count("\n" + "-" * 79)
            for path in (self.workdir / "mail").iterdir()
        )
        from letters.models import Letter

        letters = sum(o.kind == "letter" and o.status == 201 for o in outcomes)
        resent = len({o.email for o in outcomes if o.plan == "writes again" and o.status == 202})
        expected = letters + resent
        # The sweeper queues again a letter's own receipt lost with the broker; the link a
        # repeat sends its owner is a courtesy it does not queue again.
        unsent = Letter.objects.filter(receipt_sent_at__isnull=True).count()
        say(
            f"  info receipt emails written: {mails} of {expected} (one per letter, and one "
            f"per letter written again); letters whose own receipt is not sent: {unsent}"
            + (
                "; the others are links for repeats, lost with the broker"
                if mails < expected and not unsent
                else ""
            )
        )

    def report_logs(self) -> None:
        """What the processes logged at ERROR, grouped, and what the sweeper did."""
        sweeps = (self.workdir / "beat.log").read_text(errors="replace").count("Sending due task")
        swept = settled = 0
        for log in sorted(self.workdir.glob("*.log")):
            errors: Counter = Counter()
            for entry in json_lines(log):
                if entry.get("message") == "re-enqueued stuck deliveries":
                    swept += int(entry.get("count", 0))
                if entry.get("message") == "handed-over deliveries recorded as sent":
                    settled += int(entry.get("count", 0))
                if entry.get("level") == "ERROR":
                    errors[error_kind(entry)] += 1
            if errors:
                say(
                    f"  info errors logged in {log.name}: "
                    + "; ".join(f"{count} x {kind}" for kind, count in errors.most_common(6))
                )
        say(
            f"  info sweeper: {sweeps} sweeps sent by beat, {swept} deliveries re-enqueued, "
            f"{settled} recorded sent after their handover"
        )
