// Configuration pieces every Meta channel account shares: where the Graph API lives and which
// version to call. Tests and proxies point apiBaseUrl at a local simulator.
// https://developers.facebook.com/docs/graph-api/guides/versioning
import { z } from 'zod'

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com'
export const DEFAULT_GRAPH_VERSION = 'v21.0'

export const graphBaseUrl = z
  .url({ protocol: /^https?$/ })
  .default(DEFAULT_GRAPH_BASE_URL)
  .transform((u) => u.replace(/\/+$/, ''))

export const graphVersion = z
  .string()
  .regex(/^v\d+\.\d+$/, 'apiVersion looks like v21.0')
  .default(DEFAULT_GRAPH_VERSION)
