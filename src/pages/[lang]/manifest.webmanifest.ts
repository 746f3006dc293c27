// /{lang}/manifest.webmanifest, written at build (src/lib/web-app-manifest.ts).
import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { getStaticLocalePaths, getT } from '../../i18n/index.ts';
import { webAppManifest } from '../../lib/web-app-manifest.ts';

export const getStaticPaths = getStaticLocalePaths;
type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(JSON.stringify(webAppManifest(props.locale, getT(props.locale))), { headers: { 'Content-Type': 'application/manifest+json' } });
