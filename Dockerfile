# syntax=docker/dockerfile:1
# The production image: `node scripts/server.mjs` (what `npm start` runs) as an unprivileged user, with a health check
# on /api/health. The same image runs the separate mail worker (`npm run worker`, see compose.yaml). Built by operators
# (`docker build -t council-desk .`); the project's CI has no container engine.

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
# No database and no secrets at build time: pages that read data are dynamic, and start-up work is skipped in the build.
RUN npm run build

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
WORKDIR /app
# The whole tree, development packages included: the worker, `db:migrate` and `admin:create` run TypeScript through
# tsx, and the server reads the migrations in drizzle/ at every start.
COPY --from=build --chown=root:root /app ./
# Only Next's output folder is written at run time (its incremental cache); the rest stays read-only to the app's user.
RUN chown -R node:node .next
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://localhost:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "scripts/server.mjs"]
