/**
 * `@grafana/ui/unstable` is a package export, which the root tsconfig's module resolution does not read (esbuild,
 * which bundles the pages, does); this names the one component the bench page takes from it.
 */
declare module '@grafana/ui/unstable' {
  export { TableNG } from '@grafana/ui/dist/types/components/Table/TableNG/TableNG';
}
