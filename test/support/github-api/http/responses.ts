/** What a route answers: a status, a JSON body or raw text, headers. */
export interface RouteResponse {
  status: number;
  /** JSON body, checked against GitHub's description before it is sent. */
  body?: unknown;
  /** Raw text body (a `raw` media type), sent as is and not checked. */
  text?: string;
  headers?: Record<string, string>;
}

/** GitHub's error body: `{ message, documentation_url, status }`. */
export function errorResponse(
  status: number,
  message: string,
  docsUrl: string,
  headers?: Record<string, string>,
): RouteResponse {
  const body = { message, documentation_url: docsUrl, status: String(status) };
  return { status, body, ...(headers ? { headers } : {}) };
}

/** 404 `Not Found`, as GitHub answers for anything it will not show. */
export function notFound(docsUrl: string): RouteResponse {
  return errorResponse(404, 'Not Found', docsUrl);
}

/** One entry of a 422 `Validation Failed` body. */
export interface FieldError {
  resource: string;
  field: string;
  code: 'missing_field' | 'invalid' | 'already_exists' | 'custom';
  value?: unknown;
  message?: string;
}

/** 422 `Validation Failed` with GitHub's `errors` list. */
export function validationFailed(
  docsUrl: string,
  errors: FieldError[],
): RouteResponse {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors,
      documentation_url: docsUrl,
      status: '422',
    },
  };
}

/** A JSON answer with `status` (200 unless told). */
export function json(
  body: unknown,
  status = 200,
  headers?: Record<string, string>,
): RouteResponse {
  return { status, body, ...(headers ? { headers } : {}) };
}
