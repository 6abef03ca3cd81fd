/** Exports of the store's claims, events and places: CSV, JSON and GeoJSON, pure and streamable. */
export { type Citation, type ExportInput, position } from './common.js';
export { CSV_COLUMNS, CSV_HEADER, type CsvColumn, csvCell, csvLine, csvLines, exportCsv } from './csv.js';
export {
  type AtlasFeature,
  type ClaimProperties,
  type EventProperties,
  exportGeoJson,
  type GeoJsonExportOptions,
  geoJsonChunks,
  geoJsonFeatures,
  type PlaceProperties,
  type PointFeature,
} from './geojson.js';
export { exportJson, type JsonExport, type JsonExportOptions, jsonChunks } from './json.js';
