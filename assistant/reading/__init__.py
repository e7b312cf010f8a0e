"""Reading a message, before anything is planned: its asks (``asks``), its kind and the
calculators it names (``intents``), its figures as calculator inputs or one clarifying
question (``calculate``), the slots a plan template fills (``slots``), and the screens that
keep personal data and injected instructions out (``privacy``, ``injection``).

No module here knows a course: what a course determines arrives from the index."""
