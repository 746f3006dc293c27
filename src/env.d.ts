interface ImportMetaEnv {
  /** Base URL of the Supabase project (the local gateway is http://127.0.0.1:54321). */
  readonly PUBLIC_SUPABASE_URL?: string;
  /** The anon key: public by design, every rule is enforced by RLS in Postgres. */
  readonly PUBLIC_SUPABASE_ANON_KEY?: string;
  /** Slug of the campaign the home page shows; defaults to `thua-thien-hue-2021`. */
  readonly PUBLIC_FEATURED_CAMPAIGN?: string;
  /** Leaflet URL template of the map tile provider; OpenStreetMap's own servers when unset (development only). */
  readonly PUBLIC_MAP_TILES_URL?: string;
  /** The provider's credit as HTML, shown on every map (required with PUBLIC_MAP_TILES_URL). */
  readonly PUBLIC_MAP_TILES_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
