// viz: stylesheets are imported for their side effect; esbuild bundles them into dist/viz/<page>.css.
declare module '*.css';
