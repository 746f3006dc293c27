-- Staff accounts are made by a trusted tool with the secret key (npm run staff:add): it creates
-- the Auth user, then records the officer's role and unit here.

grant select on public.admin_units to service_role;
grant select, insert, update, delete on public.staff_members to service_role;

-- The unit of an officer must be of the level the role covers: a province for the province admin, a
-- district for the district officer, a ward or commune for the commune officer.
create function private.check_staff_unit_level()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_level smallint;
  v_expected smallint := case new.role
    when 'province_admin' then 1 when 'district_officer' then 2 when 'commune_officer' then 3 end;
begin
  select level into v_level from public.admin_units where id = new.unit_id;
  if v_level is distinct from v_expected then
    raise exception 'a % covers a unit of another level', new.role using errcode = '23514';
  end if;
  return new;
end;
$$;
comment on function private.check_staff_unit_level() is
  'Refuses a staff member whose unit is not of the level the role covers.';

create trigger staff_members_unit_level
  before insert or update of role, unit_id on public.staff_members
  for each row execute function private.check_staff_unit_level();
