"""Generic case-ledger machinery: tracked statutory deadlines, queues and reminders, transition forms for
pages and API, declarative figures. Shared by fazhi.reconsideration and fazhi.litigation; nothing here
knows a business area, so it can move into fazhi.core unchanged."""
