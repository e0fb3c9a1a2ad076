# syntax=docker/dockerfile:1
# The provision image: `provision run` as a Cloud Run Job, `provision serve` as a service.

# Build stage: compile the native modules (better-sqlite3) with the toolchain, production deps only.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# npm ci runs the `prepare` script (bin/bundle.js), which finds no sources yet and does nothing.
COPY bin ./bin
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Runtime stage: no compiler, no npm cache, no secrets (they come from Secret Manager at run time).
FROM node:20-bookworm-slim
# Debian's Chromium renders pages whose text their scripts write (research, PROVISION_RENDER);
# playwright-core drives it, so no browser download happens at build or run time.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PROVISION_STATE_DIR=/tmp/provision \
    PROVISION_CHROMIUM=/usr/bin/chromium
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
# The CLI's sources bundled once, as root: a job process starts without tsx's loader, and the
# node user, who cannot write here, never needs to rebuild (bin/bundle.js).
RUN node bin/bundle.js
USER node
# Exec form: node is PID 1's only child-free process, so SIGTERM reaches it directly.
ENTRYPOINT ["node", "bin/provision.js"]
CMD ["run"]
