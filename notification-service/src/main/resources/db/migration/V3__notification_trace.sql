-- The trace of the event that recorded a notification, so that sending it later (by the
-- poller, in another thread or instance) continues that trace: the SMTP send shows in the
-- order's trace. Absent for rows recorded before, and outside a trace.
alter table notifications add column traceparent text, add column tracestate text;
