# One image for every process; docker-compose picks the process with SERVICE_PATH.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci && npx turbo run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
ARG SERVICE_PATH
ENV SERVICE_PATH=${SERVICE_PATH}
# --max-semi-space-size: NODE_PROCESS_FLAGS in packages/config (why is there).
CMD ["sh", "-c", "node --max-semi-space-size=64 ${SERVICE_PATH}/dist/main.js"]
