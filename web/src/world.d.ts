// world-atlas ships bare TopoJSON; typed here instead of letting TypeScript infer 100 KB of arcs.
declare module 'world-atlas/countries-110m.json' {
  import type { GeometryCollection, Topology } from 'topojson-specification';

  const world: Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;
  export default world;
}
