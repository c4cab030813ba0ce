/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WASM build; bundling it would copy it into the public static output.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
