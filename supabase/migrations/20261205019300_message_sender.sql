-- The sender's side of the outbox (15_messages.sql): each message goes out once per channel it can
-- take, each try is recorded, and a message is tried again only when the provider did not accept it.
-- The sender (supabase/functions/send-messages) calls these two functions with the service role.

-- One delivery of a message on one channel ('sms' or 'zns' to the phone, 'email' to the address).
create table public.message_deliveries (
  message_id bigint not null references public.outbox_messages (id) on delete cascade,
  channel text not null check (channel in ('sms', 'zns', 'email')),
  -- Sent with every try of this delivery (eSMS RequestId, ZNS tracking_id, e-mail Message-ID), so a
  -- try after a timeout that the provider did accept is dropped by the provider, not sent twice.
  idempotency_id uuid not null default gen_random_uuid() constraint message_deliveries_idempotency_id_key unique,
  -- pending: due at next_attempt_at; sending: claimed by a sender until next_attempt_at (a sender
  -- that died leaves it due again then); accepted: the provider took it; failed: given up.
  state text not null default 'pending' check (state in ('pending', 'sending', 'accepted', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  provider_id text,
  accepted_at timestamptz,
  primary key (message_id, channel),
  check ((state = 'accepted') = (accepted_at is not null))
);
comment on table public.message_deliveries is
  'Each outbox message on each channel it goes by: its idempotency id, state, tries and the provider''s id once accepted.';

create index message_deliveries_due_idx on public.message_deliveries (next_attempt_at) where state in ('pending', 'sending');

-- Every try, with what the provider answered (or that it did not answer).
create table public.message_attempts (
  id bigint generated always as identity primary key,
  message_id bigint not null,
  channel text not null,
  started_at timestamptz not null default now(),
  outcome text check (outcome in ('accepted', 'refused', 'no_answer')),
  provider_id text,
  detail text check (length(detail) <= 500),
  finished_at timestamptz,
  foreign key (message_id, channel) references public.message_deliveries (message_id, channel) on delete cascade,
  check ((outcome is null) = (finished_at is null))
);
comment on table public.message_attempts is 'Every try at a delivery and the provider''s answer: accepted, refused, or none (a timeout).';

create index message_attempts_delivery_idx on public.message_attempts (message_id, channel);

alter table public.message_deliveries enable row level security;
alter table public.message_attempts enable row level security;
-- No policy: only the sender, with the service role, reads and writes them.
grant select on public.message_deliveries, public.message_attempts to service_role;

-- Claims the deliveries due now, at most p_limit, for p_lease_seconds, and answers them with their
-- messages. A message due for the first time gets one delivery per channel in p_channels it can
-- take (e-mail only with an address); a voided message is not claimed. `for update skip locked`
-- lets several senders run at once without taking the same delivery. At most p_phone_limit
-- deliveries reach one phone (SMS and ZNS) in a day: the rest wait an hour and are tried again.
create function public.sender_claim_messages(
  p_channels text[], p_limit integer, p_lease_seconds integer, p_phone_limit integer
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_claimed jsonb;
begin
  insert into public.message_deliveries (message_id, channel)
  select m.id, c.channel
  from public.outbox_messages m
  cross join unnest(p_channels) as c (channel)
  where m.voided_at is null and m.send_after <= now()
    and (c.channel <> 'email' or m.email is not null)
    and not exists (select 1 from public.message_deliveries d where d.message_id = m.id)
  on conflict do nothing;

  with due as (
    select d.message_id, d.channel, m.phone, d.next_attempt_at
    from public.message_deliveries d
    join public.outbox_messages m on m.id = d.message_id
    where d.state in ('pending', 'sending') and d.next_attempt_at <= now() and m.voided_at is null
    order by d.next_attempt_at, d.message_id
    limit p_limit
    for update of d skip locked
  ),
  -- What each phone already had today, and this batch's place in line for it.
  ranked as (
    select due.*,
      case when due.channel = 'email' then 0 else
        (select count(*) from public.message_attempts a
         join public.outbox_messages sent on sent.id = a.message_id
         where sent.phone = due.phone and a.channel <> 'email' and a.outcome = 'accepted'
           and a.finished_at > now() - interval '1 day')
        + count(*) filter (where due.channel <> 'email') over (partition by due.phone order by due.next_attempt_at, due.message_id, due.channel)
      end as nth_today
    from due
  ),
  deferred as (
    update public.message_deliveries d set state = 'pending', next_attempt_at = now() + interval '1 hour'
    from ranked r
    where r.message_id = d.message_id and r.channel = d.channel and r.nth_today > p_phone_limit
  ),
  claimed as (
    update public.message_deliveries d
    set state = 'sending', attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => p_lease_seconds)
    from ranked r
    where r.message_id = d.message_id and r.channel = d.channel and r.nth_today <= p_phone_limit
    returning d.*
  ),
  tried as (
    insert into public.message_attempts (message_id, channel)
    select message_id, channel from claimed
  )
  select coalesce(jsonb_agg(jsonb_build_object(
      'channel', c.channel,
      'idempotency_id', c.idempotency_id,
      'attempt', c.attempts,
      'message', jsonb_build_object('id', m.id, 'event', m.event, 'lang', m.lang, 'phone', m.phone, 'email', m.email,
        'payload', m.payload, 'stop_token', m.stop_token)
    ) order by c.message_id, c.channel), '[]'::jsonb)
  into v_claimed
  from claimed c
  join public.outbox_messages m on m.id = c.message_id;
  return v_claimed;
end;
$$;
revoke execute on function public.sender_claim_messages(text[], integer, integer, integer) from public;
grant execute on function public.sender_claim_messages(text[], integer, integer, integer) to service_role;

-- Records how a claimed try ended. Accepted: done, with the provider's id. Refused or no answer:
-- tried again after 1, 4, 16, 64 then 256 minutes with the same idempotency id, and given up after
-- p_max_attempts tries. Only a delivery still claimed ('sending') changes state.
create function public.sender_record_attempt(
  p_message_id bigint, p_channel text, p_outcome text, p_provider_id text, p_detail text, p_max_attempts integer
) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_outcome not in ('accepted', 'refused', 'no_answer') then
    raise exception 'unknown outcome %', p_outcome using errcode = '22023';
  end if;
  update public.message_attempts a
  set outcome = p_outcome, provider_id = p_provider_id, detail = left(p_detail, 500), finished_at = now()
  where a.id = (select max(id) from public.message_attempts
                where message_id = p_message_id and channel = p_channel and outcome is null);

  update public.message_deliveries d
  set state = case when p_outcome = 'accepted' then 'accepted'
                   when d.attempts >= p_max_attempts then 'failed' else 'pending' end,
      provider_id = case when p_outcome = 'accepted' then p_provider_id else d.provider_id end,
      accepted_at = case when p_outcome = 'accepted' then now() end,
      next_attempt_at = case when p_outcome = 'accepted' or d.attempts >= p_max_attempts then d.next_attempt_at
                             else now() + make_interval(mins => power(4, d.attempts - 1)::integer) end
  where d.message_id = p_message_id and d.channel = p_channel and d.state = 'sending';
end;
$$;
revoke execute on function public.sender_record_attempt(bigint, text, text, text, text, integer) from public;
grant execute on function public.sender_record_attempt(bigint, text, text, text, text, integer) to service_role;
