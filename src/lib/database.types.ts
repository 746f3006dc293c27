
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  
  "public": {
          Tables: {
            "admin_unit_origins": {
                  Row: {
                    "origin_id": number,"unit_id": number
                  }
                  ComputedFields: never
                  Insert: {
                    "origin_id": number,"unit_id": number
                  }
                  Update: {
                    "origin_id"?: number,"unit_id"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "admin_unit_origins_origin_id_fkey"
      columns: ["origin_id"]
isOneToOne: false
      referencedRelation: "admin_units"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "admin_unit_origins_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "admin_units"
      referencedColumns: ["id"]
    }
                  ]
                },"admin_units": {
                  Row: {
                    "bbox": unknown,"code": string,"id": number,"kind": string,"lat": number | null,"level": number,"lng": number | null,"name": string,"name_en": string | null,"name_folded": string,"parent_id": number | null,"unit_set": string,"valid_from": string,"valid_to": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "bbox"?: unknown,"code": string,"id"?: never,"kind": string,"lat"?: number | null,"level": number,"lng"?: number | null,"name": string,"name_en"?: string | null,"name_folded"?: never,"parent_id"?: number | null,"unit_set": string,"valid_from": string,"valid_to"?: string | null
                  }
                  Update: {
                    "bbox"?: unknown,"code"?: string,"id"?: never,"kind"?: string,"lat"?: number | null,"level"?: number,"lng"?: number | null,"name"?: string,"name_en"?: string | null,"name_folded"?: never,"parent_id"?: number | null,"unit_set"?: string,"valid_from"?: string,"valid_to"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "admin_units_parent_id_fkey"
      columns: ["parent_id"]
isOneToOne: false
      referencedRelation: "admin_units"
      referencedColumns: ["id"]
    }
                  ]
                },"audit_log": {
                  Row: {
                    "action": string,"actor": string,"after": Json | null,"at": string,"before": Json | null,"id": number,"row_id": string,"table_name": string,"unit_id": number | null
                  }
                  ComputedFields: never
                  Insert: {
                    "action": string,"actor": string,"after"?: Json | null,"at"?: string,"before"?: Json | null,"id"?: never,"row_id": string,"table_name": string,"unit_id"?: number | null
                  }
                  Update: {
                    "action"?: string,"actor"?: string,"after"?: Json | null,"at"?: string,"before"?: Json | null,"id"?: never,"row_id"?: string,"table_name"?: string,"unit_id"?: number | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "audit_log_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "admin_units"
      referencedColumns: ["id"]
    }
                  ]
                },"booking_groups": {
                  Row: {
                    "assisted_by": string | null,"campaign_id": number,"consent_at": string,"consent_text_id": string,"contact_phone": string | null,"created_at": string,"id": string,"idempotency_hash": string,"messages_email": string | null,"messages_lang": string | null,"purged_at": string | null,"request_hash": string,"token_hash": string
                  }
                  ComputedFields: never
                  Insert: {
                    "assisted_by"?: string | null,"campaign_id": number,"consent_at": string,"consent_text_id": string,"contact_phone"?: string | null,"created_at"?: string,"id"?: string,"idempotency_hash": string,"messages_email"?: string | null,"messages_lang"?: string | null,"purged_at"?: string | null,"request_hash": string,"token_hash": string
                  }
                  Update: {
                    "assisted_by"?: string | null,"campaign_id"?: number,"consent_at"?: string,"consent_text_id"?: string,"contact_phone"?: string | null,"created_at"?: string,"id"?: string,"idempotency_hash"?: string,"messages_email"?: string | null,"messages_lang"?: string | null,"purged_at"?: string | null,"request_hash"?: string,"token_hash"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "booking_groups_campaign_id_fkey"
      columns: ["campaign_id"]
isOneToOne: false
      referencedRelation: "campaigns"
      referencedColumns: ["id"]
    }
                  ]
                },"bookings": {
                  Row: {
                    "application_kind": string,"birth_date": string | null,"called_at": string | null,"campaign_id": number,"cancelled_at": string | null,"code": string,"created_at": string,"full_name": string | null,"group_id": string,"guardian_consent_at": string | null,"id": number,"id_number": string | null,"name_key": string | null,"org_group": string | null,"purged_at": string | null,"queue_no": number,"shift_id": number,"signup_link_id": number | null,"status": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "application_kind": string,"birth_date"?: string | null,"called_at"?: string | null,"campaign_id": number,"cancelled_at"?: string | null,"code": string,"created_at"?: string,"full_name"?: string | null,"group_id": string,"guardian_consent_at"?: string | null,"id"?: never,"id_number"?: string | null,"name_key"?: never,"org_group"?: string | null,"purged_at"?: string | null,"queue_no": number,"shift_id": number,"signup_link_id"?: number | null,"status"?: string,"updated_at"?: string
                  }
                  Update: {
                    "application_kind"?: string,"birth_date"?: string | null,"called_at"?: string | null,"campaign_id"?: number,"cancelled_at"?: string | null,"code"?: string,"created_at"?: string,"full_name"?: string | null,"group_id"?: string,"guardian_consent_at"?: string | null,"id"?: never,"id_number"?: string | null,"name_key"?: never,"org_group"?: string | null,"purged_at"?: string | null,"queue_no"?: number,"shift_id"?: number,"signup_link_id"?: number | null,"status"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "bookings_campaign_id_fkey"
      columns: ["campaign_id"]
isOneToOne: false
      referencedRelation: "campaigns"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "bookings_group_id_fkey"
      columns: ["group_id"]
isOneToOne: false
      referencedRelation: "booking_groups"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "bookings_shift_id_fkey"
      columns: ["shift_id"]
isOneToOne: false
      referencedRelation: "shifts"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "bookings_signup_link_id_fkey"
      columns: ["signup_link_id"]
isOneToOne: false
      referencedRelation: "signup_links"
      referencedColumns: ["id"]
    }
                  ]
                },"campaigns": {
                  Row: {
                    "daily_target": number | null,"deadline": string,"demonstration": boolean,"id": number,"max_active_per_phone": number,"min_age": number,"name_en": string,"name_vi": string,"province_id": number,"quota": number,"shift_plan": NonNullable<Json>,"slug": string,"source": string,"starts_on": string,"unit_set": string
                  }
                  ComputedFields: never
                  Insert: {
                    "daily_target"?: number | null,"deadline": string,"demonstration"?: boolean,"id"?: never,"max_active_per_phone"?: number,"min_age"?: number,"name_en": string,"name_vi": string,"province_id": number,"quota": number,"shift_plan"?: NonNullable<Json>,"slug": string,"source": string,"starts_on": string,"unit_set": string
                  }
                  Update: {
                    "daily_target"?: number | null,"deadline"?: string,"demonstration"?: boolean,"id"?: never,"max_active_per_phone"?: number,"min_age"?: number,"name_en"?: string,"name_vi"?: string,"province_id"?: number,"quota"?: number,"shift_plan"?: NonNullable<Json>,"slug"?: string,"source"?: string,"starts_on"?: string,"unit_set"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "campaigns_province_id_fkey"
      columns: ["province_id","unit_set"]
isOneToOne: false
      referencedRelation: "admin_units"
      referencedColumns: ["id","unit_set"]
    }
                  ]
                },"daily_intake_counts": {
                  Row: {
                    "applications": number,"campaign_id": number,"day": string,"id": number,"unit_id": number,"updated_at": string,"updated_by": string | null,"walk_ins": number
                  }
                  ComputedFields: never
                  Insert: {
                    "applications": number,"campaign_id": number,"day": string,"id"?: never,"unit_id": number,"updated_at"?: string,"updated_by"?: string | null,"walk_ins"?: number
                  }
                  Update: {
                    "applications"?: number,"campaign_id"?: number,"day"?: string,"id"?: never,"unit_id"?: number,"updated_at"?: string,"updated_by"?: string | null,"walk_ins"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "daily_intake_counts_campaign_id_fkey"
      columns: ["campaign_id"]
isOneToOne: false
      referencedRelation: "campaigns"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "daily_intake_counts_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "admin_units"
      referencedColumns: ["id"]
    }
                  ]
                },"home_visit_events": {
                  Row: {
                    "at": string,"id": number,"note": string | null,"preferred_days": (number)[] | null,"preferred_periods": (string)[] | null,"request_id": number,"scheduled_from": string | null,"scheduled_on": string | null,"scheduled_to": string | null,"status": string
                  }
                  ComputedFields: never
                  Insert: {
                    "at"?: string,"id"?: never,"note"?: string | null,"preferred_days"?: (number)[] | null,"preferred_periods"?: (string)[] | null,"request_id": number,"scheduled_from"?: string | null,"scheduled_on"?: string | null,"scheduled_to"?: string | null,"status": string
                  }
                  Update: {
                    "at"?: string,"id"?: never,"note"?: string | null,"preferred_days"?: (number)[] | null,"preferred_periods"?: (string)[] | null,"request_id"?: number,"scheduled_from"?: string | null,"scheduled_on"?: string | null,"scheduled_to"?: string | null,"status"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "home_visit_events_request_id_fkey"
      columns: ["request_id"]
isOneToOne: false
      referencedRelation: "home_visit_requests"
      referencedColumns: ["id"]
    }
                  ]
                },"home_visit_requests": {
                  Row: {
                    "birth_date": string | null,"campaign_id": number,"code": string,"consent_at": string,"consent_text_id": string,"created_at": string,"ethnic_language": string | null,"full_name": string | null,"id": number,"idempotency_hash": string,"landmark": string | null,"lat": number | null,"lng": number | null,"messages_email": string | null,"messages_lang": string | null,"name_key": string | null,"needs": (string)[],"old_id_number": string | null,"outcome_note": string | null,"preferred_days": (number)[],"preferred_periods": (string)[],"purged_at": string | null,"reason": string,"reason_other": string | null,"relationship": string,"request_hash": string,"requester_name": string | null,"requester_phone": string | null,"scheduled_from": string | null,"scheduled_on": string | null,"scheduled_to": string | null,"status": string,"street_address": string | null,"team_contact": string | null,"token_hash": string,"updated_at": string,"ward_id": number
                  }
                  ComputedFields: never
                  Insert: {
                    "birth_date"?: string | null,"campaign_id": number,"code": string,"consent_at": string,"consent_text_id": string,"created_at"?: string,"ethnic_language"?: string | null,"full_name"?: string | null,"id"?: never,"idempotency_hash": string,"landmark"?: string | null,"lat"?: number | null,"lng"?: number | null,"messages_email"?: string | null,"messages_lang"?: string | null,"name_key"?: never,"needs"?: (string)[],"old_id_number"?: string | null,"outcome_note"?: string | null,"preferred_days": (number)[],"preferred_periods": (string)[],"purged_at"?: string | null,"reason": string,"reason_other"?: string | null,"relationship": string,"request_hash": string,"requester_name"?: string | null,"requester_phone"?: string | null,"scheduled_from"?: string | null,"scheduled_on"?: string | null,"scheduled_to"?: string | null,"status"?: string,"street_address"?: string | null,"team_contact"?: string | null,"token_hash": string,"updated_at"?: string,"ward_id": number
                  }
                  Update: {
                    "birth_date"?: string | null,"campaign_id"?: number,"code"?: string,"consent_at"?: string,"consent_text_id"?: string,"created_at"?: string,"ethnic_language"?: string | null,"full_name"?: string | null,"id"?: never,"idempotency_hash"?: string,"landmark"?: string | null,"lat"?: number | null,"lng"?: number | null,"messages_email"?: string | null,"messages_lang"?: string | null,"name_key"?: never,"needs"?: (string)[],"old_id_number"?: string | null,"outcome_note"?: string | null,"preferred_days"?: (number)[],"preferred_periods"?: (string)[],"purged_at"?: string | null,"reason"?: string,"reason_other"?: string | null,"relationship"?: string,"request_hash"?: string,"requester_name"?: string | null,"requester_phone"?: string | null,"scheduled_from"?: string | null,"scheduled_on"?: string | null,"scheduled_to"?: string | null,"status"?: string,"street_address"?: string | null,"team_contact"?: string | null,"token_hash"?: string,"updated_at"?: string,"ward_id"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "home_visit_requests_campaign_id_fkey"
      columns: ["campaign_id"]
isOneToOne: false
      referencedRelation: "campaigns"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "home_visit_requests_ward_id_fkey"
      columns: ["ward_id"]
isOneToOne: false
      referencedRelation: "admin_units"
      referencedColumns: ["id"]
    }
                  ]
                },"intake_sessions": {
                  Row: {
                    "campaign_id": number,"cancel_reason": string | null,"cancelled_at": string | null,"created_at": string,"id": number,"published": boolean,"session_date": string,"site_id": number
                  }
                  ComputedFields: never
                  Insert: {
                    "campaign_id": number,"cancel_reason"?: string | null,"cancelled_at"?: string | null,"created_at"?: string,"id"?: never,"published"?: boolean,"session_date": string,"site_id": number
                  }
                  Update: {
                    "campaign_id"?: number,"cancel_reason"?: string | null,"cancelled_at"?: string | null,"created_at"?: string,"id"?: never,"published"?: boolean,"session_date"?: string,"site_id"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "intake_sessions_campaign_id_fkey"
      columns: ["campaign_id"]
isOneToOne: false
      referencedRelation: "campaigns"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "intake_sessions_site_id_fkey"
      columns: ["site_id"]
isOneToOne: false
      referencedRelation: "intake_sites"
      referencedColumns: ["id"]
    }
                  ]
                },"intake_sites": {
                  Row: {
                    "access_notes": string | null,"address": string,"created_at": string,"id": number,"kind": string,"lat": number,"lng": number,"name": string,"sphere_point": unknown,"ward_id": number
                  }
                  ComputedFields: never
                  Insert: {
                    "access_notes"?: string | null,"address": string,"created_at"?: string,"id"?: never,"kind": string,"lat": number,"lng": number,"name": string,"sphere_point"?: never,"ward_id": number
                  }
                  Update: {
                    "access_notes"?: string | null,"address"?: string,"created_at"?: string,"id"?: never,"kind"?: string,"lat"?: number,"lng"?: number,"name"?: string,"sphere_point"?: never,"ward_id"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "intake_sites_ward_id_fkey"
      columns: ["ward_id"]
isOneToOne: false
      referencedRelation: "admin_units"
      referencedColumns: ["id"]
    }
                  ]
                },"message_attempts": {
                  Row: {
                    "channel": string,"detail": string | null,"finished_at": string | null,"id": number,"message_id": number,"outcome": string | null,"provider_id": string | null,"started_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "channel": string,"detail"?: string | null,"finished_at"?: string | null,"id"?: never,"message_id": number,"outcome"?: string | null,"provider_id"?: string | null,"started_at"?: string
                  }
                  Update: {
                    "channel"?: string,"detail"?: string | null,"finished_at"?: string | null,"id"?: never,"message_id"?: number,"outcome"?: string | null,"provider_id"?: string | null,"started_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "message_attempts_message_id_channel_fkey"
      columns: ["message_id","channel"]
isOneToOne: false
      referencedRelation: "message_deliveries"
      referencedColumns: ["message_id","channel"]
    }
                  ]
                },"message_deliveries": {
                  Row: {
                    "accepted_at": string | null,"attempts": number,"channel": string,"idempotency_id": string,"message_id": number,"next_attempt_at": string,"provider_id": string | null,"state": string
                  }
                  ComputedFields: never
                  Insert: {
                    "accepted_at"?: string | null,"attempts"?: number,"channel": string,"idempotency_id"?: string,"message_id": number,"next_attempt_at"?: string,"provider_id"?: string | null,"state"?: string
                  }
                  Update: {
                    "accepted_at"?: string | null,"attempts"?: number,"channel"?: string,"idempotency_id"?: string,"message_id"?: number,"next_attempt_at"?: string,"provider_id"?: string | null,"state"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "message_deliveries_message_id_fkey"
      columns: ["message_id"]
isOneToOne: false
      referencedRelation: "outbox_messages"
      referencedColumns: ["id"]
    }
                  ]
                },"organisation_requests": {
                  Row: {
                    "address": string,"campaign_id": number,"consent_text_id": string | null,"contact_email": string | null,"contact_name": string | null,"contact_phone": string | null,"created_at": string,"expected_people": number,"handled_at": string | null,"id": number,"kind": string,"name": string,"notes": string | null,"preferred_from": string,"preferred_to": string,"purged_at": string | null,"status": string,"ward_id": number
                  }
                  ComputedFields: never
                  Insert: {
                    "address": string,"campaign_id": number,"consent_text_id"?: string | null,"contact_email"?: string | null,"contact_name"?: string | null,"contact_phone"?: string | null,"created_at"?: string,"expected_people": number,"handled_at"?: string | null,"id"?: never,"kind": string,"name": string,"notes"?: string | null,"preferred_from": string,"preferred_to": string,"purged_at"?: string | null,"status"?: string,"ward_id": number
                  }
                  Update: {
                    "address"?: string,"campaign_id"?: number,"consent_text_id"?: string | null,"contact_email"?: string | null,"contact_name"?: string | null,"contact_phone"?: string | null,"created_at"?: string,"expected_people"?: number,"handled_at"?: string | null,"id"?: never,"kind"?: string,"name"?: string,"notes"?: string | null,"preferred_from"?: string,"preferred_to"?: string,"purged_at"?: string | null,"status"?: string,"ward_id"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "organisation_requests_campaign_id_fkey"
      columns: ["campaign_id"]
isOneToOne: false
      referencedRelation: "campaigns"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "organisation_requests_ward_id_fkey"
      columns: ["ward_id"]
isOneToOne: false
      referencedRelation: "admin_units"
      referencedColumns: ["id"]
    }
                  ]
                },"outbox_messages": {
                  Row: {
                    "booking_group_id": string | null,"created_at": string,"dedupe_key": string,"email": string | null,"event": string,"id": number,"lang": string,"payload": NonNullable<Json>,"phone": string,"send_after": string,"stop_token": string,"voided_at": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "booking_group_id"?: string | null,"created_at"?: string,"dedupe_key": string,"email"?: string | null,"event": string,"id"?: never,"lang": string,"payload": NonNullable<Json>,"phone": string,"send_after"?: string,"stop_token"?: string,"voided_at"?: string | null
                  }
                  Update: {
                    "booking_group_id"?: string | null,"created_at"?: string,"dedupe_key"?: string,"email"?: string | null,"event"?: string,"id"?: never,"lang"?: string,"payload"?: NonNullable<Json>,"phone"?: string,"send_after"?: string,"stop_token"?: string,"voided_at"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "outbox_messages_booking_group_id_fkey"
      columns: ["booking_group_id"]
isOneToOne: false
      referencedRelation: "booking_groups"
      referencedColumns: ["id"]
    }
                  ]
                },"plan_machines": {
                  Row: {
                    "campaign_id": number,"id": number,"label": string
                  }
                  ComputedFields: never
                  Insert: {
                    "campaign_id": number,"id"?: never,"label": string
                  }
                  Update: {
                    "campaign_id"?: number,"id"?: never,"label"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "plan_machines_campaign_id_fkey"
      columns: ["campaign_id"]
isOneToOne: false
      referencedRelation: "campaigns"
      referencedColumns: ["id"]
    }
                  ]
                },"plan_publications": {
                  Row: {
                    "campaign_id": number,"first_date": string,"id": number,"last_date": string,"province_id": number,"published_at": string,"sessions": (number)[]
                  }
                  ComputedFields: never
                  Insert: {
                    "campaign_id": number,"first_date": string,"id"?: never,"last_date": string,"province_id": number,"published_at"?: string,"sessions": (number)[]
                  }
                  Update: {
                    "campaign_id"?: number,"first_date"?: string,"id"?: never,"last_date"?: string,"province_id"?: number,"published_at"?: string,"sessions"?: (number)[]
                  }
                  Relationships: [
                    {
      foreignKeyName: "plan_publications_campaign_id_fkey"
      columns: ["campaign_id"]
isOneToOne: false
      referencedRelation: "campaigns"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "plan_publications_province_id_fkey"
      columns: ["province_id"]
isOneToOne: false
      referencedRelation: "admin_units"
      referencedColumns: ["id"]
    }
                  ]
                },"plan_settings": {
                  Row: {
                    "campaign_id": number,"days_off": (string)[],"team_shifts_per_day": number
                  }
                  ComputedFields: never
                  Insert: {
                    "campaign_id": number,"days_off"?: (string)[],"team_shifts_per_day"?: number
                  }
                  Update: {
                    "campaign_id"?: number,"days_off"?: (string)[],"team_shifts_per_day"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "plan_settings_campaign_id_fkey"
      columns: ["campaign_id"]
isOneToOne: true
      referencedRelation: "campaigns"
      referencedColumns: ["id"]
    }
                  ]
                },"plan_sites": {
                  Row: {
                    "campaign_id": number,"dates": (string)[] | null,"people": number | null,"places": (number)[],"site_id": number
                  }
                  ComputedFields: never
                  Insert: {
                    "campaign_id": number,"dates"?: (string)[] | null,"people"?: number | null,"places": (number)[],"site_id": number
                  }
                  Update: {
                    "campaign_id"?: number,"dates"?: (string)[] | null,"people"?: number | null,"places"?: (number)[],"site_id"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "plan_sites_campaign_id_fkey"
      columns: ["campaign_id"]
isOneToOne: false
      referencedRelation: "campaigns"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "plan_sites_site_id_fkey"
      columns: ["site_id"]
isOneToOne: false
      referencedRelation: "intake_sites"
      referencedColumns: ["id"]
    }
                  ]
                },"plan_teams": {
                  Row: {
                    "base_lat": number,"base_lng": number,"base_name": string,"campaign_id": number,"days_off": (string)[],"id": number,"name": string,"places_per_shift": number
                  }
                  ComputedFields: never
                  Insert: {
                    "base_lat": number,"base_lng": number,"base_name": string,"campaign_id": number,"days_off"?: (string)[],"id"?: never,"name": string,"places_per_shift": number
                  }
                  Update: {
                    "base_lat"?: number,"base_lng"?: number,"base_name"?: string,"campaign_id"?: number,"days_off"?: (string)[],"id"?: never,"name"?: string,"places_per_shift"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "plan_teams_campaign_id_fkey"
      columns: ["campaign_id"]
isOneToOne: false
      referencedRelation: "campaigns"
      referencedColumns: ["id"]
    }
                  ]
                },"planned_sessions": {
                  Row: {
                    "campaign_id": number,"id": number,"locked": boolean,"machine_id": number | null,"session_date": string,"session_id": number | null,"shifts": NonNullable<Json>,"site_id": number
                  }
                  ComputedFields: never
                  Insert: {
                    "campaign_id": number,"id"?: never,"locked"?: boolean,"machine_id"?: number | null,"session_date": string,"session_id"?: number | null,"shifts": NonNullable<Json>,"site_id": number
                  }
                  Update: {
                    "campaign_id"?: number,"id"?: never,"locked"?: boolean,"machine_id"?: number | null,"session_date"?: string,"session_id"?: number | null,"shifts"?: NonNullable<Json>,"site_id"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "planned_sessions_campaign_id_fkey"
      columns: ["campaign_id"]
isOneToOne: false
      referencedRelation: "campaigns"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "planned_sessions_machine_id_fkey"
      columns: ["machine_id"]
isOneToOne: false
      referencedRelation: "plan_machines"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "planned_sessions_session_id_fkey"
      columns: ["session_id"]
isOneToOne: true
      referencedRelation: "intake_sessions"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "planned_sessions_site_id_fkey"
      columns: ["site_id"]
isOneToOne: false
      referencedRelation: "intake_sites"
      referencedColumns: ["id"]
    }
                  ]
                },"shifts": {
                  Row: {
                    "booked": number,"booking_closes_at": string,"capacity": number,"ends_at": string,"id": number,"last_queue_no": number,"now_serving": number,"now_serving_at": string | null,"session_id": number,"starts_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "booked"?: number,"booking_closes_at"?: never,"capacity": number,"ends_at": string,"id"?: never,"last_queue_no"?: number,"now_serving"?: number,"now_serving_at"?: string | null,"session_id": number,"starts_at": string
                  }
                  Update: {
                    "booked"?: number,"booking_closes_at"?: never,"capacity"?: number,"ends_at"?: string,"id"?: never,"last_queue_no"?: number,"now_serving"?: number,"now_serving_at"?: string | null,"session_id"?: number,"starts_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "shifts_session_id_fkey"
      columns: ["session_id"]
isOneToOne: false
      referencedRelation: "intake_sessions"
      referencedColumns: ["id"]
    }
                  ]
                },"signup_links": {
                  Row: {
                    "closes_at": string,"contact_phone": string | null,"coordinator_token_hash": string,"created_at": string,"created_by": string,"id": number,"messages_lang": string | null,"org_kind": string,"org_name": string,"places": number,"session_id": number,"share_token": string,"status": string
                  }
                  ComputedFields: never
                  Insert: {
                    "closes_at": string,"contact_phone"?: string | null,"coordinator_token_hash": string,"created_at"?: string,"created_by": string,"id"?: never,"messages_lang"?: string | null,"org_kind": string,"org_name": string,"places": number,"session_id": number,"share_token": string,"status"?: string
                  }
                  Update: {
                    "closes_at"?: string,"contact_phone"?: string | null,"coordinator_token_hash"?: string,"created_at"?: string,"created_by"?: string,"id"?: never,"messages_lang"?: string | null,"org_kind"?: string,"org_name"?: string,"places"?: number,"session_id"?: number,"share_token"?: string,"status"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "signup_links_session_id_fkey"
      columns: ["session_id"]
isOneToOne: false
      referencedRelation: "intake_sessions"
      referencedColumns: ["id"]
    }
                  ]
                },"staff_members": {
                  Row: {
                    "active": boolean,"created_at": string,"display_name": string,"must_change_password": boolean,"role": string,"session_id": number | null,"site_id": number | null,"unit_id": number,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "active"?: boolean,"created_at"?: string,"display_name": string,"must_change_password"?: boolean,"role": string,"session_id"?: number | null,"site_id"?: number | null,"unit_id": number,"user_id": string
                  }
                  Update: {
                    "active"?: boolean,"created_at"?: string,"display_name"?: string,"must_change_password"?: boolean,"role"?: string,"session_id"?: number | null,"site_id"?: number | null,"unit_id"?: number,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "staff_members_role_fkey"
      columns: ["role"]
isOneToOne: false
      referencedRelation: "staff_roles"
      referencedColumns: ["role"]
    },{
      foreignKeyName: "staff_members_session_id_fkey"
      columns: ["session_id"]
isOneToOne: false
      referencedRelation: "intake_sessions"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "staff_members_site_id_fkey"
      columns: ["site_id"]
isOneToOne: false
      referencedRelation: "intake_sites"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "staff_members_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "admin_units"
      referencedColumns: ["id"]
    }
                  ]
                },"staff_roles": {
                  Row: {
                    "level": number,"name_en": string,"name_vi": string,"role": string,"site_bound": boolean,"unit_sets": (string)[]
                  }
                  ComputedFields: never
                  Insert: {
                    "level": number,"name_en": string,"name_vi": string,"role": string,"site_bound"?: boolean,"unit_sets": (string)[]
                  }
                  Update: {
                    "level"?: number,"name_en"?: string,"name_vi"?: string,"role"?: string,"site_bound"?: boolean,"unit_sets"?: (string)[]
                  }
                  Relationships: [
                    
                  ]
                },"unit_quotas": {
                  Row: {
                    "campaign_id": number,"people_to_take_in": number | null,"quota": number,"unit_id": number
                  }
                  ComputedFields: never
                  Insert: {
                    "campaign_id": number,"people_to_take_in"?: number | null,"quota": number,"unit_id": number
                  }
                  Update: {
                    "campaign_id"?: number,"people_to_take_in"?: number | null,"quota"?: number,"unit_id"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "unit_quotas_campaign_id_fkey"
      columns: ["campaign_id"]
isOneToOne: false
      referencedRelation: "campaigns"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "unit_quotas_unit_id_fkey"
      columns: ["unit_id"]
isOneToOne: false
      referencedRelation: "admin_units"
      referencedColumns: ["id"]
    }
                  ]
                },"walk_ins": {
                  Row: {
                    "called_at": string | null,"created_at": string,"created_by": string,"id": number,"queue_no": number,"request_key": string | null,"shift_id": number,"status": string
                  }
                  ComputedFields: never
                  Insert: {
                    "called_at"?: string | null,"created_at"?: string,"created_by": string,"id"?: never,"queue_no": number,"request_key"?: string | null,"shift_id": number,"status"?: string
                  }
                  Update: {
                    "called_at"?: string | null,"created_at"?: string,"created_by"?: string,"id"?: never,"queue_no"?: number,"request_key"?: string | null,"shift_id"?: number,"status"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "walk_ins_shift_id_fkey"
      columns: ["shift_id"]
isOneToOne: false
      referencedRelation: "shifts"
      referencedColumns: ["id"]
    }
                  ]
                }
          }
          Views: {
            [_ in never]: never
          }
          Functions: {
            "book_places":
{ Args: { "p_consent": string,"p_idempotency_key": string,"p_messages"?: Json,"p_people": Json,"p_phone": string,"p_shift_id": number }; Returns: Json
                           },
"campaign_directory":
{ Args: { "p_slug"?: string }; Returns: Json
                           },
"campaign_progress":
{ Args: { "p_slug": string }; Returns: Json
                           },
"cancel_booking":
{ Args: { "p_code": string,"p_codes"?: (string)[],"p_phone"?: string,"p_token"?: string }; Returns: Json
                           },
"cancel_home_visit":
{ Args: { "p_code": string,"p_token": string }; Returns: Json
                           },
"change_home_visit":
{ Args: { "p_code": string,"p_preferred_days": Json,"p_preferred_periods": Json,"p_token": string }; Returns: Json
                           },
"coordinator_remove_entry":
{ Args: { "p_code": string,"p_token": string }; Returns: Json
                           },
"coordinator_roster":
{ Args: { "p_token": string }; Returns: Json
                           },
"home_visit_status":
{ Args: { "p_code": string,"p_token": string }; Returns: Json
                           },
"join_signup_link":
{ Args: { "p_consent": string,"p_guardian_consent": boolean,"p_idempotency_key": string,"p_messages"?: Json,"p_org_group": string,"p_person": Json,"p_phone": string,"p_shift_id": number,"p_token": string }; Returns: Json
                           },
"locate_commune":
{ Args: { "p_lat": number,"p_lng": number }; Returns: Json
                           },
"lookup_booking":
{ Args: { "p_code": string,"p_phone"?: string,"p_token"?: string }; Returns: Json
                           },
"move_booking":
{ Args: { "p_code": string,"p_codes"?: (string)[],"p_phone"?: string,"p_shift_id": number,"p_token"?: string }; Returns: Json
                           },
"nearest_alternatives":
{ Args: { "p_limit"?: number,"p_places"?: number,"p_shift_id": number }; Returns: {
              "address": string,"distance_km": number,"ends_at": string,"places_left": number,"session_date": string,"session_id": number,"shift_id": number,"site_name": string,"starts_at": string
            }[]
                           },
"now_serving_board":
{ Args: { "p_session_id": number }; Returns: Json
                           },
"old_ward_lookup":
{ Args: { "p_query": string }; Returns: Json
                           },
"purge_personal_data":
{ Args: { "p_retention_days"?: number }; Returns: Json
                           },
"request_home_visit":
{ Args: { "p_idempotency_key": string,"p_request": Json }; Returns: Json
                           },
"request_organisation_session":
{ Args: { "p_address": string,"p_campaign": string,"p_consent": string,"p_contact_email": string,"p_contact_name": string,"p_contact_phone": string,"p_expected_people": number,"p_kind": string,"p_name": string,"p_notes"?: string,"p_preferred_from": string,"p_preferred_to": string,"p_ward": string }; Returns: Json
                           },
"search_sessions":
{ Args: { "p_campaign"?: string,"p_district"?: string,"p_from"?: string,"p_lat"?: number,"p_limit"?: number,"p_lng"?: number,"p_province"?: string,"p_radius_km"?: number,"p_to"?: string,"p_unit_set"?: string,"p_ward"?: string }; Returns: {
              "access_notes": string,"address": string,"campaign_id": number,"distance_km": number,"district_code": string,"district_name": string,"in_located_commune": boolean,"lat": number,"lng": number,"province_code": string,"province_name": string,"province_name_en": string,"recommended_shift_id": number,"session_date": string,"session_id": number,"shifts": Json,"site_id": number,"site_kind": string,"site_name": string,"ward_code": string,"ward_name": string,"ward_name_en": string
            }[]
                           },
"sender_claim_messages":
{ Args: { "p_channels": (string)[],"p_lease_seconds": number,"p_limit": number,"p_phone_limit": number }; Returns: Json
                           },
"sender_record_attempt":
{ Args: { "p_channel": string,"p_detail": string,"p_max_attempts": number,"p_message_id": number,"p_outcome": string,"p_provider_id": string }; Returns: undefined
                           },
"signup_link_info":
{ Args: { "p_token": string }; Returns: Json
                           },
"staff_add_walk_in":
{ Args: { "p_request_key": string,"p_shift_id": number }; Returns: Json
                           },
"staff_audit_log":
{ Args: { "p_actor"?: string,"p_before"?: number,"p_from"?: string,"p_limit"?: number,"p_to"?: string }; Returns: Json
                           },
"staff_book_places":
{ Args: { "p_consent": string,"p_idempotency_key": string,"p_messages"?: Json,"p_people": Json,"p_phone": string,"p_shift_id": number }; Returns: Json
                           },
"staff_call_next":
{ Args: { "p_now_serving": number,"p_shift_id": number }; Returns: Json
                           },
"staff_call_number":
{ Args: { "p_queue_no": number,"p_shift_id": number }; Returns: Json
                           },
"staff_cancel_session":
{ Args: { "p_booked_count"?: number,"p_reason": string,"p_session_id": number }; Returns: Json
                           },
"staff_check_in":
{ Args: { "p_code": string }; Returns: Json
                           },
"staff_check_new_account":
{ Args: { "p_role": string,"p_site_id"?: number,"p_unit_id": number }; Returns: Json
                           },
"staff_close_home_visit":
{ Args: { "p_id": number,"p_note": string,"p_status": string }; Returns: Json
                           },
"staff_create_session":
{ Args: { "p_campaign_id": number,"p_date": string,"p_new_site"?: Json,"p_shifts": Json,"p_site_id"?: number }; Returns: Json
                           },
"staff_create_signup_link":
{ Args: { "p_closes_at": string,"p_coordinator"?: Json,"p_org_kind": string,"p_org_name": string,"p_places": number,"p_session_id": number }; Returns: Json
                           },
"staff_day_queue":
{ Args: { "p_session_id": number }; Returns: Json
                           },
"staff_flag_password_reset":
{ Args: { "p_user_id": string }; Returns: Json
                           },
"staff_link_roster":
{ Args: { "p_link_id": number }; Returns: Json
                           },
"staff_mark":
{ Args: { "p_queue_no": number,"p_shift_id": number,"p_status": string }; Returns: Json
                           },
"staff_mark_organisation_request_handled":
{ Args: { "p_request_id": number }; Returns: Json
                           },
"staff_move_session":
{ Args: { "p_booked_count"?: number,"p_date": string,"p_session_id": number }; Returns: Json
                           },
"staff_new_coordinator_token":
{ Args: { "p_link_id": number }; Returns: Json
                           },
"staff_password_changed":
{ Args: Record<PropertyKey, never>; Returns: Json
                           },
"staff_planner":
{ Args: { "p_campaign_id": number }; Returns: Json
                           },
"staff_publish_plan":
{ Args: { "p_campaign_id": number }; Returns: Json
                           },
"staff_record_account":
{ Args: { "p_display_name": string,"p_role": string,"p_site_id"?: number,"p_unit_id": number,"p_user_id": string }; Returns: Json
                           },
"staff_record_daily_count":
{ Args: { "p_applications": number,"p_campaign_id": number,"p_day": string,"p_unit_id": number,"p_walk_ins": number }; Returns: Json
                           },
"staff_role_misfit":
{ Args: { "p_role": string,"p_session_id"?: number,"p_site_id"?: number,"p_unit_id": number }; Returns: string
                           },
"staff_save_campaign":
{ Args: { "p_campaign": Json }; Returns: Json
                           },
"staff_save_plan":
{ Args: { "p_campaign_id": number,"p_sessions": Json }; Returns: Json
                           },
"staff_save_plan_setup":
{ Args: { "p_campaign_id": number,"p_setup": Json }; Returns: Json
                           },
"staff_save_unit_quotas":
{ Args: { "p_campaign_id": number,"p_rows": Json }; Returns: Json
                           },
"staff_schedule_home_visit":
{ Args: { "p_date": string,"p_from": string,"p_id": number,"p_team_contact": string,"p_to": string }; Returns: Json
                           },
"staff_set_account_active":
{ Args: { "p_active": boolean,"p_user_id": string }; Returns: Json
                           },
"staff_set_session_published":
{ Args: { "p_booked_count"?: number,"p_published": boolean,"p_session_id": number }; Returns: Json
                           },
"staff_set_shift_capacity":
{ Args: { "p_capacity": number,"p_shift_id": number }; Returns: Json
                           },
"staff_set_signup_link_status":
{ Args: { "p_link_id": number,"p_status": string }; Returns: Json
                           },
"staff_signup_link_counts":
{ Args: { "p_link_ids": (number)[] }; Returns: {
              "link_id": number,"places_left": number,"taken": number
            }[]
                           },
"staff_undo_mark":
{ Args: { "p_queue_no": number,"p_shift_id": number }; Returns: Json
                           },
"staff_update_site":
{ Args: { "p_site": Json,"p_site_id": number }; Returns: Json
                           },
"stop_messages":
{ Args: { "p_token": string }; Returns: Json
                           }
          }
          Enums: {
            [_ in never]: never
          }
          CompositeTypes: {
            [_ in never]: never
          }
        }
}

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
  ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
      Row: infer R
    }
    ? R
    : never
  : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Insert: infer I
    }
    ? I
    : never
  : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Update: infer U
    }
    ? U
    : never
  : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
  ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
  : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
  ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
  : never

export const Constants = {
  "public": {
          Enums: {
            
          }
        }
} as const
