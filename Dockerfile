# The proxy and the console it serves, as one image.
#   docker build -t wa-onboarding .
#   docker run --rm -p 8080:8080 -e OPERATOR_TOKEN=… wa-onboarding
# Stage 1 builds with every dependency; stage 2 carries the build and the runtime dependencies only.
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:app

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
WORKDIR /app
# JSON logs; listen on every interface of the container (so OPERATOR_TOKEN is required).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/dist-server ./dist-server
# The image's unprivileged user; nothing in /app is writable by it.
USER node
EXPOSE 8080
# /healthz answers without a credential and says nothing about the provider.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["npm", "run", "serve"]
