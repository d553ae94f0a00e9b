# syntax=docker/dockerfile:1
# One image, two processes: the API (dist/main.js) and the worker (dist/worker.js).

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY config ./config
COPY migrations ./migrations
COPY web ./web
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
RUN groupadd --system dondoc && useradd --system --gid dondoc --home /app dondoc \
  && mkdir -p /app/storage && chown dondoc:dondoc /app/storage
COPY --from=build --chown=dondoc:dondoc /app/package.json ./
COPY --from=build --chown=dondoc:dondoc /app/node_modules ./node_modules
COPY --from=build --chown=dondoc:dondoc /app/dist ./dist
COPY --from=build --chown=dondoc:dondoc /app/config ./config
USER dondoc
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]
