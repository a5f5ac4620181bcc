// Developer tools, languages, frameworks, databases, cloud services and technical acronyms, written from
// general knowledge, lower-case, one word each. In a prompt they name the tool the user works with, not a
// person or an organization the user deals with. Words that are also given names, surnames or places
// ("Jenkins", "Julia", "Kafka") are found in the name lists too and count as tools only in technical text
// (classify-run.ts).

const split = (s: string): string[] =>
  s
    .split(/[|\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Products and projects named by their product name: tools wherever they appear. */
export const TECH_PRODUCTS: readonly string[] = split(`
redis postgres postgresql mysql mariadb sqlite mongodb mongo cassandra couchdb couchbase dynamodb cockroachdb
timescaledb clickhouse snowflake bigquery redshift elasticsearch opensearch kibana logstash fluentd fluentbit
solr neo4j memcached etcd zookeeper rabbitmq activemq kafka redpanda nats jetstream pulsar kinesis firehose
mqtt emqx mosquitto debezium flink spark hadoop hive presto trino airflow dagster prefect dbt jupyter pandas
numpy scipy pytorch tensorflow keras sklearn scikit-learn langchain llamaindex huggingface transformers
kubernetes k8s kubectl helm kustomize istio linkerd envoy nginx traefik haproxy caddy apache tomcat jetty
netty undertow docker podman containerd buildkit compose terraform pulumi ansible vagrant packer consul
nomad vault argocd argo fluxcd tekton jenkins circleci travis buildkite drone gitlab-ci bitbucket github
gitlab gitea gerrit sourcetree jira confluence grafana prometheus loki tempo mimir thanos jaeger zipkin
opentelemetry otel sentry datadog splunk newrelic honeycomb signoz pagerduty opsgenie statuspage
cloudwatch cloudtrail cloudfront lambda fargate ec2 ecs eks ecr s3 rds aurora sqs sns ses iam elasticache
route53 beanstalk lightsail amplify cognito appsync sagemaker bedrock gke aks azure gcp cloudflare
heroku vercel netlify render railway supabase firebase appwrite pocketbase planetscale neon upstash fly
typescript javascript ecmascript nodejs node deno bun python cpython pypy golang rustlang kotlin scala
clojure haskell ocaml elixir erlang perl php lua dart fortran cobol matlab bash zsh powershell wasm
webassembly graphql grpc protobuf openapi swagger json yaml toml xml html css scss sass tailwind
tailwindcss bootstrap react reactjs preact vue vuejs nuxt svelte sveltekit angular ember solidjs qwik astro
remix gatsby nextjs next.js expo redux zustand mobx recoil jotai tanstack swr axios jquery lodash rxjs
moment dayjs zod yup formik prisma drizzle typeorm sequelize knex mongoose hibernate jpa mybatis jooq
flyway liquibase alembic django flask fastapi starlette uvicorn gunicorn celery pydantic sqlalchemy
pytest unittest tox nox poetry pipenv conda pip pypi npm pnpm yarn npx corepack turborepo nx lerna
rails sinatra laravel symfony composer spring springboot quarkus micronaut vertx dropwizard lombok
maven gradle ant sbt cargo rustup clippy gofmt golangci-lint cobra gin echo fiber grpc-go
webpack rollup vite esbuild swc babel parcel tsup tsc eslint prettier biome stylelint husky
jest vitest mocha chai jasmine karma cypress playwright puppeteer selenium webdriver storybook
gotenberg browserless chromium chrome firefox safari webkit electron tauri
linux ubuntu debian alpine centos fedora rhel arch macos ios ipados android windows wsl freebsd
systemd cron crontab ssh openssh openssl letsencrypt certbot wireguard openvpn tailscale
git svn mercurial vscode vim neovim emacs intellij pycharm webstorm xcode eclipse temurin openjdk graalvm
jvm jdk jre npmjs mkdocs docusaurus sphinx readthedocs hugo jekyll wordpress drupal strapi contentful
keycloak auth0 okta clerk oauth oauth2 oidc saml ldap kerberos jwt
stripe adyen braintree paypal twilio sendgrid mailgun postmark mailchimp segment mixpanel amplitude
posthog launchdarkly unleash zendesk intercom hubspot salesforce slack discord teams zoom notion figma
linear trello asana clickup miro loom calendly
openai chatgpt gpt claude gemini llama mistral ollama copilot cursor codex
strimzi patroni pgbouncer pgbench pgvector citus timescale vitess proxysql
apollo dataloader camunda zeebe temporal xstate atlantis
lexer parser tokenizer
`);

/**
 * Technical acronyms and command keywords written in capitals ("CRLF", "JVM", "DESC", "EXPOSE"): shorthand
 * a developer uses, never an organization's acronym in technical text.
 */
export const TECH_ACRONYMS: readonly string[] = split(`
api apis sdk sdks cli gui ui ux url uri urls http https tcp udp ip dns cdn tls ssl ssh ftp sftp smtp imap
json yaml xml csv tsv html css sql nosql orm dto dao mvc mvvm spa ssr csr ssg seo jwt oauth oidc saml sso
mfa otp totp scim ldap rbac abac acl iam kms vpc vpn nat waf alb elb nlb cidr ecs eks ecr aks gke rds msk
sqs sns ses emr efs ebs s3 ec2 cpu gpu tpu ram rom ssd hdd io iops nvme usb ttl lru fifo lifo dag ast dsl
ide lsp repl tty pid uid gid eof nan utf ascii crlf lf cr regex posix gnu glibc musl wasm jit aot gc oom
jvm jdk jre clr npm pnpm ci cd pr prs mr mrs crud cqrs ddd tdd bdd e2e qa uat sla slo sli rpo rto etl elt
olap oltp cte ddl dml acid mvcc wal sre devops mlops llm llms rag nlp ocr gpt ai ml iot mqtt amqp grpc
rest rpc soap cors csrf xss csp hsts sha md5 aes rsa hmac uuid guid ulid cdc bsl mit bsd gpl lgpl mpl
apache readme changelog todo fixme wip tbd poc rfc adr prd eol lts esm cjs umd dom cssom jsx tsx
get post put patch delete head options select insert update upsert from where join inner outer left right
group order by having limit offset desc asc distinct union values set into create alter drop table index
view trigger grant revoke begin commit rollback null not and or like ilike exists between case when then
else end returning explain analyze vacuum copy run cmd env arg entrypoint workdir expose user add label
volume healthcheck onbuild stopsignal shell incr decr hset hget hincrby lpush rpush zadd expire keys
apm rum siem soc pci dss hipaa gdpr pii phi lgtm ptal nit wfm ooo eod asap fyi tldr imo afaik
amd64 arm64 x86 aarch64 gogc gomaxprocs
`);

/**
 * Consumer and office products named after their maker ("Google Drive", "Samsung Galaxy", "Play Store"):
 * the product, never the company as a party. Lower-case, words joined by single spaces.
 */
export const PRODUCT_PHRASES: readonly string[] =
  `google drive|google docs|google sheets|google slides|google meet|
google maps|google play|google pay|google workspace|google analytics|google ads|google cloud|google chrome|
google search console|play store|app store|apple pay|apple watch|apple music|apple id|icloud drive|
microsoft teams|microsoft 365|office 365|microsoft office|microsoft excel|microsoft word|microsoft outlook|
microsoft entra|amazon prime|amazon web services console|samsung galaxy|samsung pay|samsung internet|
exact online|facebook messenger|facebook ads|meta ads|whatsapp business|linkedin sales navigator|
adobe acrobat|adobe reader|adobe sign|paypal checkout|shop pay|stripe checkout|stripe dashboard`
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean);
