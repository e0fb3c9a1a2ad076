#!/usr/bin/env bash
# Deploys provision to Google Cloud: the image, the Cloud Run Job (jobs.yaml), the API
# service (`provision serve`: trigger + push subscriber), the events topic with an OIDC push
# subscription and a dead-letter topic, Firestore, and least-privilege service accounts.
#
# Usage: PROJECT_ID=my-project REGION=europe-west1 scripts/deploy.sh
# Optional: ANTHROPIC_API_KEY (stored in Secret Manager), PROVISION_API_TOKEN (else generated),
#           TAG (image tag, default: git short sha), DRY_RUN=1 (print the commands only),
#           PUSH_AUDIENCE (a custom audience for the push token; default: the API's service URL).
#
# Push authentication: the API runs behind Cloud Run IAM (--no-allow-unauthenticated). Cloud Run
# verifies the push token (its audience must be the service URL, without a path, or one of the
# service's custom audiences) and forwards it with the signature replaced by
# SIGNATURE_REMOVED_BY_GOOGLE; with PROVISION_PUSH_BEHIND_IAM=1 the app then checks the claims:
# issuer, audience, the push service account, verified email, expiry.
set -euo pipefail

: "${PROJECT_ID:?set PROJECT_ID}"
REGION="${REGION:-us-central1}"
TAG="${TAG:-$(git rev-parse --short HEAD 2>/dev/null || date +%Y%m%d%H%M%S)}"
REPO="provision"
IMAGE="${REGION}-docker.pkg.dev/${PROJECT_ID}/${REPO}/provision:${TAG}"
JOB_SA="provision-job@${PROJECT_ID}.iam.gserviceaccount.com"
API_SA="provision-api@${PROJECT_ID}.iam.gserviceaccount.com"
PUSH_SA="provision-push@${PROJECT_ID}.iam.gserviceaccount.com"
TOPIC="provision-events"
DLQ="provision-events-dead-letter"
SUBSCRIPTION="provision-events-push"
cd "$(dirname "$0")/.."

run() {
  echo "+ $*" >&2
  if [ "${DRY_RUN:-0}" != "1" ]; then "$@"; fi
}
# Like run, but an "already exists" failure is fine: the script is safe to run again.
ensure() {
  echo "+ $*" >&2
  if [ "${DRY_RUN:-0}" != "1" ]; then "$@" 2>/dev/null || echo "  (exists)"; fi
}

echo "== 1. APIs"
run gcloud services enable run.googleapis.com artifactregistry.googleapis.com cloudbuild.googleapis.com \
  pubsub.googleapis.com firestore.googleapis.com secretmanager.googleapis.com bigquery.googleapis.com \
  geminidataanalytics.googleapis.com cloudaicompanion.googleapis.com --project "$PROJECT_ID"
# The Conversational Analytics API (geminidataanalytics) runs on Gemini for Google Cloud
# (cloudaicompanion): without the second, creating or asking a data agent is refused.

echo "== 2. Build and push the image (Cloud Build; no local Docker needed)"
ensure gcloud artifacts repositories create "$REPO" --repository-format=docker --location "$REGION" --project "$PROJECT_ID"
run gcloud builds submit --tag "$IMAGE" --project "$PROJECT_ID" .

echo "== 3. Service accounts, least privilege"
ensure gcloud iam service-accounts create provision-job --display-name "provision job executions" --project "$PROJECT_ID"
ensure gcloud iam service-accounts create provision-api --display-name "provision trigger and subscriber" --project "$PROJECT_ID"
ensure gcloud iam service-accounts create provision-push --display-name "Pub/Sub push identity" --project "$PROJECT_ID"
# The job: publish events, read/write its checkpoints, build datasets and data agents, and ask
# them the golden questions. The Conversational Analytics API needs roles/cloudaicompanion.user
# (Gemini for Google Cloud) besides its own role; the agent runs its queries as the caller, so
# the BigQuery roles also serve the agent's queries.
JOB_ROLES="roles/datastore.user roles/bigquery.dataEditor roles/bigquery.jobUser roles/geminidataanalytics.dataAgentCreator roles/cloudaicompanion.user"
for role in $JOB_ROLES; do
  run gcloud projects add-iam-policy-binding "$PROJECT_ID" --member "serviceAccount:${JOB_SA}" --role "$role" --condition=None --quiet >/dev/null
done
# The API: read/write job status; launch and cancel executions of the one job (below); act as the job's account.
run gcloud projects add-iam-policy-binding "$PROJECT_ID" --member "serviceAccount:${API_SA}" --role roles/datastore.user --condition=None --quiet >/dev/null
run gcloud iam service-accounts add-iam-policy-binding "$JOB_SA" --member "serviceAccount:${API_SA}" --role roles/iam.serviceAccountUser --project "$PROJECT_ID" --quiet >/dev/null

echo "== 4. Secrets"
if [ -n "${ANTHROPIC_API_KEY:-}" ]; then
  ensure gcloud secrets create anthropic-api-key --replication-policy automatic --project "$PROJECT_ID"
  echo "+ gcloud secrets versions add anthropic-api-key --data-file=-   (value from ANTHROPIC_API_KEY)"
  [ "${DRY_RUN:-0}" = "1" ] || printf '%s' "$ANTHROPIC_API_KEY" | gcloud secrets versions add anthropic-api-key --data-file=- --project "$PROJECT_ID" >/dev/null
fi
run gcloud secrets add-iam-policy-binding anthropic-api-key --member "serviceAccount:${JOB_SA}" --role roles/secretmanager.secretAccessor --project "$PROJECT_ID" --quiet >/dev/null || true
API_TOKEN="${PROVISION_API_TOKEN:-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')}"
ensure gcloud secrets create provision-api-token --replication-policy automatic --project "$PROJECT_ID"
echo "+ gcloud secrets versions add provision-api-token --data-file=-"
[ "${DRY_RUN:-0}" = "1" ] || printf '%s' "$API_TOKEN" | gcloud secrets versions add provision-api-token --data-file=- --project "$PROJECT_ID" >/dev/null
run gcloud secrets add-iam-policy-binding provision-api-token --member "serviceAccount:${API_SA}" --role roles/secretmanager.secretAccessor --project "$PROJECT_ID" --quiet >/dev/null

echo "== 5. Firestore (status store and checkpoints)"
ensure gcloud firestore databases create --location "$REGION" --type firestore-native --project "$PROJECT_ID"
# The status store's queries: jobs by status, newest first; a job's events by type, newest first.
ensure gcloud firestore indexes composite create --collection-group provision_jobs --query-scope COLLECTION \
  --field-config field-path=status,order=ascending --field-config field-path=updatedAt,order=descending --project "$PROJECT_ID"
ensure gcloud firestore indexes composite create --collection-group events --query-scope COLLECTION \
  --field-config field-path=type,order=ascending --field-config field-path=pos,order=descending --project "$PROJECT_ID"

echo "== 6. The Cloud Run Job"
rendered="$(mktemp)"
sed -e "s|PROJECT_ID|${PROJECT_ID}|g" -e "s|IMAGE|${IMAGE}|g" jobs.yaml > "$rendered"
run gcloud run jobs replace "$rendered" --region "$REGION" --project "$PROJECT_ID"
# Launching with overrides needs run.jobs.runWithOverrides on this job; cancelling needs run.executions.cancel.
run gcloud run jobs add-iam-policy-binding provision --member "serviceAccount:${API_SA}" --role roles/run.developer --region "$REGION" --project "$PROJECT_ID" --quiet >/dev/null

echo "== 7. The API service (trigger + push subscriber)"
run gcloud run deploy provision-api --image "$IMAGE" --args serve --region "$REGION" --project "$PROJECT_ID" \
  --service-account "$API_SA" --no-allow-unauthenticated --cpu 1 --memory 512Mi --min-instances 0 \
  --set-secrets PROVISION_API_TOKEN=provision-api-token:latest \
  --set-env-vars "PROVISION_HOST=0.0.0.0,GOOGLE_CLOUD_PROJECT=${PROJECT_ID},PROVISION_REGION=${REGION},PROVISION_JOB_NAME=provision,PROVISION_LAUNCHER=cloudrun,PROVISION_STATUS_STORE=firestore,PROVISION_PUSH_AUTH=oidc,PROVISION_PUSH_BEHIND_IAM=1,PROVISION_PUSH_SERVICE_ACCOUNT=${PUSH_SA},PROVISION_TRUST_PROXY=1"
API_URL="$( [ "${DRY_RUN:-0}" = "1" ] && echo "https://provision-api-HASH-${REGION}.a.run.app" || gcloud run services describe provision-api --region "$REGION" --project "$PROJECT_ID" --format 'value(status.url)')"
PUSH_ENDPOINT="${API_URL}/pubsub/push"
# Cloud Run accepts a token whose audience is the service URL (never with a path) or one of the
# service's custom audiences, which must be added to the service first.
PUSH_AUDIENCE="${PUSH_AUDIENCE:-$API_URL}"
if [ "$PUSH_AUDIENCE" != "$API_URL" ]; then
  run gcloud run services update provision-api --region "$REGION" --project "$PROJECT_ID" --add-custom-audiences "$PUSH_AUDIENCE"
fi
run gcloud run services update provision-api --region "$REGION" --project "$PROJECT_ID" --update-env-vars "PROVISION_PUSH_AUDIENCE=${PUSH_AUDIENCE}"
# Pub/Sub pushes as provision-push: it may invoke the API and nothing else.
run gcloud run services add-iam-policy-binding provision-api --member "serviceAccount:${PUSH_SA}" --role roles/run.invoker --region "$REGION" --project "$PROJECT_ID" --quiet >/dev/null

echo "== 8. Events: topic, dead-letter topic, OIDC push subscription with ordering"
ensure gcloud pubsub topics create "$TOPIC" --project "$PROJECT_ID"
ensure gcloud pubsub topics create "$DLQ" --project "$PROJECT_ID"
run gcloud pubsub topics add-iam-policy-binding "$TOPIC" --member "serviceAccount:${JOB_SA}" --role roles/pubsub.publisher --project "$PROJECT_ID" --quiet >/dev/null
ensure gcloud pubsub subscriptions create "$SUBSCRIPTION" --topic "$TOPIC" --project "$PROJECT_ID" \
  --push-endpoint "$PUSH_ENDPOINT" --push-auth-service-account "$PUSH_SA" --push-auth-token-audience "$PUSH_AUDIENCE" \
  --enable-message-ordering --ack-deadline 30 --dead-letter-topic "$DLQ" --max-delivery-attempts 10 \
  --min-retry-delay 1s --max-retry-delay 60s
# An existing subscription (an earlier deploy) gets the same push settings: create does not change it.
run gcloud pubsub subscriptions update "$SUBSCRIPTION" --project "$PROJECT_ID" \
  --push-endpoint "$PUSH_ENDPOINT" --push-auth-service-account "$PUSH_SA" --push-auth-token-audience "$PUSH_AUDIENCE"
PROJECT_NUMBER="$( [ "${DRY_RUN:-0}" = "1" ] && echo 123456789 || gcloud projects describe "$PROJECT_ID" --format 'value(projectNumber)')"
PUBSUB_AGENT="serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-pubsub.iam.gserviceaccount.com"
# The Pub/Sub service agent mints the push tokens and moves dead letters.
run gcloud iam service-accounts add-iam-policy-binding "$PUSH_SA" --member "$PUBSUB_AGENT" --role roles/iam.serviceAccountTokenCreator --project "$PROJECT_ID" --quiet >/dev/null
run gcloud pubsub topics add-iam-policy-binding "$DLQ" --member "$PUBSUB_AGENT" --role roles/pubsub.publisher --project "$PROJECT_ID" --quiet >/dev/null
run gcloud pubsub subscriptions add-iam-policy-binding "$SUBSCRIPTION" --member "$PUBSUB_AGENT" --role roles/pubsub.subscriber --project "$PROJECT_ID" --quiet >/dev/null

echo
echo "Deployed. API: ${API_URL}"
echo "APIs enabled: geminidataanalytics.googleapis.com cloudaicompanion.googleapis.com (and run, pubsub, firestore, bigquery, ...)"
echo "Job service account ${JOB_SA}: ${JOB_ROLES}"
echo "Push: endpoint ${PUSH_ENDPOINT}, audience ${PUSH_AUDIENCE}, service account ${PUSH_SA},"
echo "      behind Cloud Run IAM (PROVISION_PUSH_AUTH=oidc PROVISION_PUSH_BEHIND_IAM=1: Cloud Run verifies the token, the API checks its claims)"
echo "Start a job (Cloud Run IAM checks X-Serverless-Authorization; the API checks its own token):"
echo "  curl -X POST ${API_URL}/jobs \\"
echo "    -H \"X-Serverless-Authorization: Bearer \$(gcloud auth print-identity-token)\" \\"
echo "    -H \"Authorization: Bearer \$(gcloud secrets versions access latest --secret provision-api-token)\" \\"
echo "    -H 'content-type: application/json' -d '{\"url\":\"https://www.example.com\"}'"
