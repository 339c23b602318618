# syntax=docker/dockerfile:1
# Build: install everything, compile api + worker (tsc via nest) and the web app (vite), then drop dev packages.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-fund --no-audit
COPY . .
RUN npm run build && npm run build:web && npm prune --omit=dev --no-fund --no-audit

# Run: compiled code, production packages and the built web app, as the unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    STORAGE_DIR=/app/.data/storage \
    WEB_DIST_DIR=/app/apps/web/dist
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
RUN mkdir -p /app/.data/storage && chown -R node:node /app/.data
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
