extension RapportConfig {
    /// What `rapport init --config` writes: every key with its default and what it does, the ones without
    /// a default commented out. Parsed as it is, it gives the defaults (a test keeps it so).
    public static let commentedTemplate = """
        # Rapport's configuration. Every key is optional: a missing key keeps the default shown.
        # All keys: docs/config.md. Setting up mail from zero: docs/setup.md.

        [policy]
        # Most words allowed between the greeting and the sign-off of a reply to an existing customer.
        max_words = 120

        [workflows]
        # A customer we have not written to for longer than this appears in their owner's Quiet list.
        quiet_days = 90
        # A heads-up draft is due this many days before the event's effective date.
        headsup_lead_days = 7
        # What a conversation becomes once we have answered: "pending" (waiting on the customer) or "open".
        after_reply = "pending"

        [mail]
        # The Maildirs your support mail arrives in (filled by mbsync, getmail or your mail server).
        # `rapport sync` watches them; `rapport ingest` reads them when no folder is named.
        # maildirs = ["~/Maildir/support"]

        # The sendmail-compatible command that delivers replies, run without a shell.
        # With msmtp (docs/setup.md): sendmail = ["msmtp", "-t", "--read-envelope-from"]
        sendmail = ["/usr/sbin/sendmail", "-t", "-oi"]

        # A Maildir that keeps a copy of every message sent.
        # sent_maildir = "~/.local/share/rapport/sent"

        # Seconds `rapport sync` waits before each new try of a reply the mail system did not take;
        # after the last, the reply stays failed until someone retries it or marks it sent (D in the inbox).
        retry_delays = [60, 300, 1800, 7200]

        # The most the files attached to one reply may weigh together, in megabytes (1–100).
        attachment_limit_mb = 20

        # Legal details to add to every email (company name, register number, managing director…),
        # appended below a "-- " line when the message is sent. Not counted by the reply policy.
        # legal_footer = \"\"\"
        # Example Ltd · 1 High Street, Bristol BS1 1AA
        # Registered in England and Wales No. 01234567
        # \"\"\"

        """
}
