// Generated from examples/rest/openapi.ts by `npm run openapi-types`
// (openapi-typescript); do not edit.

export interface paths {
    "/api/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The notes: id, title and link */
        get: operations["notesListNotes"];
        put?: never;
        /** Create a note at a URI the server picks */
        post: operations["notesCreateNote"];
        delete?: never;
        /** The methods this resource allows */
        options: operations["notesListOptions"];
        /** The list's fields, no body */
        head: operations["notesListNotesHead"];
        patch?: never;
        trace?: never;
    };
    "/api/notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        /** One note */
        get: operations["notesReadNote"];
        /** Create or replace the note at this URI */
        put: operations["notesPutNote"];
        post?: never;
        /** Delete the note */
        delete: operations["notesDeleteNote"];
        /** The methods this resource allows */
        options: operations["notesNoteOptions"];
        /** One note's fields, no body */
        head: operations["notesReadNoteHead"];
        /** Change part of a note with a JSON merge patch */
        patch: operations["notesPatchNote"];
        trace?: never;
    };
    "/api/strict/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The notes: id, title and link */
        get: operations["strictListNotes"];
        put?: never;
        /** Create a note at a URI the server picks */
        post: operations["strictCreateNote"];
        delete?: never;
        /** The methods this resource allows */
        options: operations["strictListOptions"];
        /** The list's fields, no body */
        head: operations["strictListNotesHead"];
        patch?: never;
        trace?: never;
    };
    "/api/strict/notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        /** One note */
        get: operations["strictReadNote"];
        /** Create or replace the note at this URI */
        put: operations["strictPutNote"];
        post?: never;
        /** Delete the note */
        delete: operations["strictDeleteNote"];
        /** The methods this resource allows */
        options: operations["strictNoteOptions"];
        /** One note's fields, no body */
        head: operations["strictReadNoteHead"];
        /** Change part of a note with a JSON merge patch */
        patch: operations["strictPatchNote"];
        trace?: never;
    };
    "/api/cached/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The notes: id, title and link */
        get: operations["cachedListNotes"];
        put?: never;
        /** Create a note at a URI the server picks */
        post: operations["cachedCreateNote"];
        delete?: never;
        /** The methods this resource allows */
        options: operations["cachedListOptions"];
        /** The list's fields, no body */
        head: operations["cachedListNotesHead"];
        patch?: never;
        trace?: never;
    };
    "/api/cached/notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        /** One note */
        get: operations["cachedReadNote"];
        /** Create or replace the note at this URI */
        put: operations["cachedPutNote"];
        post?: never;
        /** Delete the note */
        delete: operations["cachedDeleteNote"];
        /** The methods this resource allows */
        options: operations["cachedNoteOptions"];
        /** One note's fields, no body */
        head: operations["cachedReadNoteHead"];
        /** Change part of a note with a JSON merge patch */
        patch: operations["cachedPatchNote"];
        trace?: never;
    };
    "/api/cached/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the caching layer did for this token */
        get: operations["cachedStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** The same, fields only */
        head: operations["cachedStatsHead"];
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This description */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** Its fields only */
        head: operations["openapiHead"];
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Note: {
            id: string;
            title: string;
            body: string;
        };
        /**
         * @example {
         *       "title": "Milk",
         *       "body": "Two litres."
         *     }
         */
        NoteFields: {
            id?: string;
            title: string;
            body: string;
        };
        /**
         * @example {
         *       "body": "Three litres."
         *     }
         */
        NotePatch: {
            title?: string;
            body?: string;
        };
        NoteList: {
            notes: {
                id: string;
                title: string;
                /** Format: uri-reference */
                href: string;
            }[];
        };
        Problem: {
            /** Format: uri-reference */
            type: string;
            title: string;
            status: number;
            detail: string;
        };
        LayerCounters: {
            hit: number;
            revalidated: number;
            miss: number;
            pass: number;
            reachedOrigin: number;
        };
    };
    responses: {
        /** @description The path is not allowed; The note id is not valid; The body is not JSON; The page size is not allowed; The cursor was not issued here; The offset is not valid; The Idempotency-Key is not valid */
        Problem400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#bad-path" | "/rest/errors/#bad-id" | "/rest/errors/#malformed-json" | "/rest/errors/#bad-limit" | "/rest/errors/#bad-cursor" | "/rest/errors/#bad-offset" | "/rest/errors/#bad-idempotency-key";
                    /** @constant */
                    status?: 400;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description A bearer token is required; The token is not valid */
        Problem401: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#missing-token" | "/rest/errors/#invalid-token";
                    /** @constant */
                    status?: 401;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description No such note; No such resource */
        Problem404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#no-such-note" | "/rest/errors/#no-such-resource";
                    /** @constant */
                    status?: 404;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Method not allowed */
        Problem405: {
            headers: {
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#method-not-allowed";
                    /** @constant */
                    status?: 405;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description No acceptable format */
        Problem406: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#not-acceptable";
                    /** @constant */
                    status?: 406;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Too many notes; A request with this Idempotency-Key is outstanding */
        Problem409: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#too-many-notes" | "/rest/errors/#idempotency-key-in-flight";
                    /** @constant */
                    status?: 409;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Precondition failed */
        Problem412: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#precondition-failed";
                    /** @constant */
                    status?: 412;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description The body is too large */
        Problem413: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#body-too-large";
                    /** @constant */
                    status?: 413;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description The URL is too long */
        Problem414: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#url-too-long";
                    /** @constant */
                    status?: 414;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Unsupported media type */
        Problem415: {
            headers: {
                Accept: components["headers"]["AcceptBody"];
                /** @description The patch format, when a PATCH was refused. */
                "Accept-Patch"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#unsupported-media-type";
                    /** @constant */
                    status?: 415;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description The body is not a note; The Idempotency-Key was used with another body */
        Problem422: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#invalid-note" | "/rest/errors/#idempotency-key-reused";
                    /** @constant */
                    status?: 422;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Precondition required */
        Problem428: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#precondition-required";
                    /** @constant */
                    status?: 428;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description Too many requests */
        Problem429: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#too-many-requests";
                    /** @constant */
                    status?: 429;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description No valid answer from the origin */
        Problem502: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#origin-unreachable";
                    /** @constant */
                    status?: 502;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description The origin did not answer in time */
        Problem504: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {unknown} */
                    type?: "/rest/errors/#origin-timeout";
                    /** @constant */
                    status?: 504;
                } & components["schemas"]["Problem"];
            };
        };
        /** @description The shared state store is out of reach; try again later */
        Unavailable503: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: string;
                };
            };
        };
    };
    parameters: {
        /**
         * @description The note: 1 to 64 letters, digits, "-" or "_".
         * @example groceries
         */
        NoteId: string;
        /**
         * @description How many notes a page holds: 1 to the server's REST_PAGE_MAX; without it, REST_PAGE_DEFAULT. Out of range: 400 bad-limit, naming both.
         * @example 2
         */
        Limit: number;
        /** @description Where the next page starts, as the Link rel="next" gave it. Opaque: one not issued here, for this token, gets 400 bad-cursor. */
        Cursor: string;
        /** @description Skip this many notes instead of a cursor: the old way, which skips or repeats notes when the list changes (docs/rest/pagination). */
        Offset: number;
        /**
         * @description A key of the client's choosing, as a structured-field string: the same key and body again get the first answer and create nothing; another body 422; while the first is still running, 409 (draft-ietf-httpapi-idempotency-key-header).
         * @example "4c1f0d2e-post-1"
         */
        IdempotencyKey: string;
        /** @description A demo switch (docs/rest/retries): the note is stored, and the answer never sent; the connection stays open until the client gives up. */
        LoseResponse: string;
        /**
         * @description An HTTP date: 304 unless the note changed after it. Ignored with If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).
         * @example Mon, 07 Dec 2026 17:00:00 GMT
         */
        IfModifiedSince: string;
        /**
         * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
         * @example Mon, 07 Dec 2026 17:00:00 GMT
         */
        IfUnmodifiedSince: string;
        /**
         * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
         * @example {etag}
         */
        IfNoneMatch: string;
        /**
         * @description The ETag the client read: go ahead only if it is still current (else 412).
         * @example {etag}
         */
        IfMatch: string;
    };
    requestBodies: never;
    headers: {
        /** @description The validator of this representation (RFC 9110, 8.8.3). */
        ETag: string;
        /** @description The new note, relative to the request URI. */
        Location: string;
        /** @description How caches may keep a note. */
        CacheControlNote: "max-age=0, s-maxage=60";
        /** @description How caches may keep the list. */
        CacheControlList: "public, no-cache";
        /** @description The request fields the representation depends on. */
        Vary: string;
        /** @description When the note last changed, to the second (RFC 9110, 8.8.2). */
        LastModified: string;
        /** @description The next page, rel="next" (RFC 8288); none on the last page. */
        Link: string;
        /** @description The methods this resource allows. */
        Allow: string;
        /** @description The methods this resource allows; a CORS preflight gets Access-Control-Allow-Methods instead. */
        AllowOnOptions: string;
        /** @description The patch format PATCH takes, unless a preflight. */
        AcceptPatchOnOptions: string;
        /** @description On a CORS preflight: the methods a page may send. */
        AllowMethods: string;
        /** @description On a CORS preflight: the fields a page may send. */
        AllowHeaders: string;
        /** @description The patch format PATCH takes (RFC 5789, 3.1). */
        AcceptPatch: string;
        /** @description The media type the body must have. */
        AcceptBody: string;
        /** @description The scheme to authenticate with (RFC 6750). */
        WWWAuthenticate: string;
        /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
        RateLimitPolicy: string;
        /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
        RateLimit: string;
        /** @description Seconds to wait before the next request (RFC 9110, 10.2.3). */
        RetryAfter: string;
        /** @description What the caching layer did. */
        XCache: "hit" | "revalidated" | "miss" | "pass";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    notesListNotes: {
        parameters: {
            query?: {
                /**
                 * @description How many notes a page holds: 1 to the server's REST_PAGE_MAX; without it, REST_PAGE_DEFAULT. Out of range: 400 bad-limit, naming both.
                 * @example 2
                 */
                limit?: components["parameters"]["Limit"];
                /** @description Where the next page starts, as the Link rel="next" gave it. Opaque: one not issued here, for this token, gets 400 bad-cursor. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Skip this many notes instead of a cursor: the old way, which skips or repeats notes when the list changes (docs/rest/pagination). */
                offset?: components["parameters"]["Offset"];
            };
            header?: {
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: 304 unless the note changed after it. Ignored with If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notes: id, title and link */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlList"];
                    Vary: components["headers"]["Vary"];
                    Link: components["headers"]["Link"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteList"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description The copy the client has is current. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlList"];
                    Vary: components["headers"]["Vary"];
                    Link: components["headers"]["Link"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            406: components["responses"]["Problem406"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    notesCreateNote: {
        parameters: {
            query?: {
                /** @description A demo switch (docs/rest/retries): the note is stored, and the answer never sent; the connection stays open until the client gives up. */
                "lose-response"?: components["parameters"]["LoseResponse"];
            };
            header?: {
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
                /**
                 * @description A key of the client's choosing, as a structured-field string: the same key and body again get the first answer and create nothing; another body 422; while the first is still running, 409 (draft-ietf-httpapi-idempotency-key-header).
                 * @example "4c1f0d2e-post-1"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteFields"];
            };
        };
        responses: {
            /** @description Created; Location names it. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            406: components["responses"]["Problem406"];
            409: components["responses"]["Problem409"];
            412: components["responses"]["Problem412"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    notesListOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Which methods. */
            204: {
                headers: {
                    Allow: components["headers"]["AllowOnOptions"];
                    "Access-Control-Allow-Methods": components["headers"]["AllowMethods"];
                    "Access-Control-Allow-Headers": components["headers"]["AllowHeaders"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            /** @description A preflight from an origin that may not call the API. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            414: components["responses"]["Problem414"];
        };
    };
    notesListNotesHead: {
        parameters: {
            query?: {
                /**
                 * @description How many notes a page holds: 1 to the server's REST_PAGE_MAX; without it, REST_PAGE_DEFAULT. Out of range: 400 bad-limit, naming both.
                 * @example 2
                 */
                limit?: components["parameters"]["Limit"];
                /** @description Where the next page starts, as the Link rel="next" gave it. Opaque: one not issued here, for this token, gets 400 bad-cursor. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Skip this many notes instead of a cursor: the old way, which skips or repeats notes when the list changes (docs/rest/pagination). */
                offset?: components["parameters"]["Offset"];
            };
            header?: {
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: 304 unless the note changed after it. Ignored with If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list's fields, no body */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlList"];
                    Vary: components["headers"]["Vary"];
                    Link: components["headers"]["Link"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteList"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description The copy the client has is current. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlList"];
                    Vary: components["headers"]["Vary"];
                    Link: components["headers"]["Link"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            406: components["responses"]["Problem406"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    notesReadNote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: 304 unless the note changed after it. Ignored with If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One note */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlNote"];
                    Vary: components["headers"]["Vary"];
                    "Last-Modified": components["headers"]["LastModified"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description The copy the client has is current. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlNote"];
                    Vary: components["headers"]["Vary"];
                    /** @description When the note last changed, to the second (RFC 9110, 8.8.2). */
                    "Last-Modified"?: string;
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            406: components["responses"]["Problem406"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    notesPutNote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteFields"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            406: components["responses"]["Problem406"];
            409: components["responses"]["Problem409"];
            412: components["responses"]["Problem412"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    notesDeleteNote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    notesNoteOptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Which methods. */
            204: {
                headers: {
                    Allow: components["headers"]["AllowOnOptions"];
                    "Accept-Patch": components["headers"]["AcceptPatchOnOptions"];
                    "Access-Control-Allow-Methods": components["headers"]["AllowMethods"];
                    "Access-Control-Allow-Headers": components["headers"]["AllowHeaders"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            /** @description A preflight from an origin that may not call the API. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            414: components["responses"]["Problem414"];
        };
    };
    notesReadNoteHead: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: 304 unless the note changed after it. Ignored with If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One note's fields, no body */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlNote"];
                    Vary: components["headers"]["Vary"];
                    "Last-Modified": components["headers"]["LastModified"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description The copy the client has is current. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlNote"];
                    Vary: components["headers"]["Vary"];
                    /** @description When the note last changed, to the second (RFC 9110, 8.8.2). */
                    "Last-Modified"?: string;
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            406: components["responses"]["Problem406"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    notesPatchNote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/merge-patch+json": components["schemas"]["NotePatch"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            406: components["responses"]["Problem406"];
            409: components["responses"]["Problem409"];
            412: components["responses"]["Problem412"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    strictListNotes: {
        parameters: {
            query?: {
                /**
                 * @description How many notes a page holds: 1 to the server's REST_PAGE_MAX; without it, REST_PAGE_DEFAULT. Out of range: 400 bad-limit, naming both.
                 * @example 2
                 */
                limit?: components["parameters"]["Limit"];
                /** @description Where the next page starts, as the Link rel="next" gave it. Opaque: one not issued here, for this token, gets 400 bad-cursor. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Skip this many notes instead of a cursor: the old way, which skips or repeats notes when the list changes (docs/rest/pagination). */
                offset?: components["parameters"]["Offset"];
            };
            header?: {
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: 304 unless the note changed after it. Ignored with If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notes: id, title and link */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlList"];
                    Vary: components["headers"]["Vary"];
                    Link: components["headers"]["Link"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteList"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description The copy the client has is current. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlList"];
                    Vary: components["headers"]["Vary"];
                    Link: components["headers"]["Link"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            406: components["responses"]["Problem406"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    strictCreateNote: {
        parameters: {
            query?: {
                /** @description A demo switch (docs/rest/retries): the note is stored, and the answer never sent; the connection stays open until the client gives up. */
                "lose-response"?: components["parameters"]["LoseResponse"];
            };
            header?: {
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
                /**
                 * @description A key of the client's choosing, as a structured-field string: the same key and body again get the first answer and create nothing; another body 422; while the first is still running, 409 (draft-ietf-httpapi-idempotency-key-header).
                 * @example "4c1f0d2e-post-1"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteFields"];
            };
        };
        responses: {
            /** @description Created; Location names it. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            406: components["responses"]["Problem406"];
            409: components["responses"]["Problem409"];
            412: components["responses"]["Problem412"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    strictListOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Which methods. */
            204: {
                headers: {
                    Allow: components["headers"]["AllowOnOptions"];
                    "Access-Control-Allow-Methods": components["headers"]["AllowMethods"];
                    "Access-Control-Allow-Headers": components["headers"]["AllowHeaders"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            /** @description A preflight from an origin that may not call the API. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            414: components["responses"]["Problem414"];
        };
    };
    strictListNotesHead: {
        parameters: {
            query?: {
                /**
                 * @description How many notes a page holds: 1 to the server's REST_PAGE_MAX; without it, REST_PAGE_DEFAULT. Out of range: 400 bad-limit, naming both.
                 * @example 2
                 */
                limit?: components["parameters"]["Limit"];
                /** @description Where the next page starts, as the Link rel="next" gave it. Opaque: one not issued here, for this token, gets 400 bad-cursor. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Skip this many notes instead of a cursor: the old way, which skips or repeats notes when the list changes (docs/rest/pagination). */
                offset?: components["parameters"]["Offset"];
            };
            header?: {
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: 304 unless the note changed after it. Ignored with If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list's fields, no body */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlList"];
                    Vary: components["headers"]["Vary"];
                    Link: components["headers"]["Link"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteList"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description The copy the client has is current. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlList"];
                    Vary: components["headers"]["Vary"];
                    Link: components["headers"]["Link"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            406: components["responses"]["Problem406"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    strictReadNote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: 304 unless the note changed after it. Ignored with If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One note */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlNote"];
                    Vary: components["headers"]["Vary"];
                    "Last-Modified": components["headers"]["LastModified"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description The copy the client has is current. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlNote"];
                    Vary: components["headers"]["Vary"];
                    /** @description When the note last changed, to the second (RFC 9110, 8.8.2). */
                    "Last-Modified"?: string;
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            406: components["responses"]["Problem406"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    strictPutNote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteFields"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            406: components["responses"]["Problem406"];
            409: components["responses"]["Problem409"];
            412: components["responses"]["Problem412"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            428: components["responses"]["Problem428"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    strictDeleteNote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            428: components["responses"]["Problem428"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    strictNoteOptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Which methods. */
            204: {
                headers: {
                    Allow: components["headers"]["AllowOnOptions"];
                    "Accept-Patch": components["headers"]["AcceptPatchOnOptions"];
                    "Access-Control-Allow-Methods": components["headers"]["AllowMethods"];
                    "Access-Control-Allow-Headers": components["headers"]["AllowHeaders"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            /** @description A preflight from an origin that may not call the API. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            414: components["responses"]["Problem414"];
        };
    };
    strictReadNoteHead: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: 304 unless the note changed after it. Ignored with If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One note's fields, no body */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlNote"];
                    Vary: components["headers"]["Vary"];
                    "Last-Modified": components["headers"]["LastModified"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description The copy the client has is current. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlNote"];
                    Vary: components["headers"]["Vary"];
                    /** @description When the note last changed, to the second (RFC 9110, 8.8.2). */
                    "Last-Modified"?: string;
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            406: components["responses"]["Problem406"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    strictPatchNote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/merge-patch+json": components["schemas"]["NotePatch"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            406: components["responses"]["Problem406"];
            409: components["responses"]["Problem409"];
            412: components["responses"]["Problem412"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            428: components["responses"]["Problem428"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    cachedListNotes: {
        parameters: {
            query?: {
                /**
                 * @description How many notes a page holds: 1 to the server's REST_PAGE_MAX; without it, REST_PAGE_DEFAULT. Out of range: 400 bad-limit, naming both.
                 * @example 2
                 */
                limit?: components["parameters"]["Limit"];
                /** @description Where the next page starts, as the Link rel="next" gave it. Opaque: one not issued here, for this token, gets 400 bad-cursor. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Skip this many notes instead of a cursor: the old way, which skips or repeats notes when the list changes (docs/rest/pagination). */
                offset?: components["parameters"]["Offset"];
            };
            header?: {
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: 304 unless the note changed after it. Ignored with If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notes: id, title and link */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlList"];
                    Vary: components["headers"]["Vary"];
                    Link: components["headers"]["Link"];
                    /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
                    "RateLimit-Policy"?: string;
                    /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
                    RateLimit?: string;
                    "X-Cache": components["headers"]["XCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteList"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description The copy the client has is current. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlList"];
                    Vary: components["headers"]["Vary"];
                    Link: components["headers"]["Link"];
                    /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
                    "RateLimit-Policy"?: string;
                    /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
                    RateLimit?: string;
                    "X-Cache": components["headers"]["XCache"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            406: components["responses"]["Problem406"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            502: components["responses"]["Problem502"];
            503: components["responses"]["Unavailable503"];
            504: components["responses"]["Problem504"];
        };
    };
    cachedCreateNote: {
        parameters: {
            query?: {
                /** @description A demo switch (docs/rest/retries): the note is stored, and the answer never sent; the connection stays open until the client gives up. */
                "lose-response"?: components["parameters"]["LoseResponse"];
            };
            header?: {
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
                /**
                 * @description A key of the client's choosing, as a structured-field string: the same key and body again get the first answer and create nothing; another body 422; while the first is still running, 409 (draft-ietf-httpapi-idempotency-key-header).
                 * @example "4c1f0d2e-post-1"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteFields"];
            };
        };
        responses: {
            /** @description Created; Location names it. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    ETag: components["headers"]["ETag"];
                    /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
                    "RateLimit-Policy"?: string;
                    /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
                    RateLimit?: string;
                    "X-Cache": components["headers"]["XCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            406: components["responses"]["Problem406"];
            409: components["responses"]["Problem409"];
            412: components["responses"]["Problem412"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            502: components["responses"]["Problem502"];
            503: components["responses"]["Unavailable503"];
            504: components["responses"]["Problem504"];
        };
    };
    cachedListOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Which methods. */
            204: {
                headers: {
                    Allow: components["headers"]["AllowOnOptions"];
                    "Access-Control-Allow-Methods": components["headers"]["AllowMethods"];
                    "Access-Control-Allow-Headers": components["headers"]["AllowHeaders"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            /** @description A preflight from an origin that may not call the API. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            414: components["responses"]["Problem414"];
            502: components["responses"]["Problem502"];
            504: components["responses"]["Problem504"];
        };
    };
    cachedListNotesHead: {
        parameters: {
            query?: {
                /**
                 * @description How many notes a page holds: 1 to the server's REST_PAGE_MAX; without it, REST_PAGE_DEFAULT. Out of range: 400 bad-limit, naming both.
                 * @example 2
                 */
                limit?: components["parameters"]["Limit"];
                /** @description Where the next page starts, as the Link rel="next" gave it. Opaque: one not issued here, for this token, gets 400 bad-cursor. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Skip this many notes instead of a cursor: the old way, which skips or repeats notes when the list changes (docs/rest/pagination). */
                offset?: components["parameters"]["Offset"];
            };
            header?: {
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: 304 unless the note changed after it. Ignored with If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list's fields, no body */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlList"];
                    Vary: components["headers"]["Vary"];
                    Link: components["headers"]["Link"];
                    /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
                    "RateLimit-Policy"?: string;
                    /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
                    RateLimit?: string;
                    "X-Cache": components["headers"]["XCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteList"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description The copy the client has is current. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlList"];
                    Vary: components["headers"]["Vary"];
                    Link: components["headers"]["Link"];
                    /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
                    "RateLimit-Policy"?: string;
                    /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
                    RateLimit?: string;
                    "X-Cache": components["headers"]["XCache"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            406: components["responses"]["Problem406"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            502: components["responses"]["Problem502"];
            503: components["responses"]["Unavailable503"];
            504: components["responses"]["Problem504"];
        };
    };
    cachedReadNote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: 304 unless the note changed after it. Ignored with If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One note */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlNote"];
                    Vary: components["headers"]["Vary"];
                    "Last-Modified": components["headers"]["LastModified"];
                    /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
                    "RateLimit-Policy"?: string;
                    /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
                    RateLimit?: string;
                    "X-Cache": components["headers"]["XCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description The copy the client has is current. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlNote"];
                    Vary: components["headers"]["Vary"];
                    /** @description When the note last changed, to the second (RFC 9110, 8.8.2). */
                    "Last-Modified"?: string;
                    /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
                    "RateLimit-Policy"?: string;
                    /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
                    RateLimit?: string;
                    "X-Cache": components["headers"]["XCache"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            406: components["responses"]["Problem406"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            502: components["responses"]["Problem502"];
            503: components["responses"]["Unavailable503"];
            504: components["responses"]["Problem504"];
        };
    };
    cachedPutNote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteFields"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
                    "RateLimit-Policy"?: string;
                    /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
                    RateLimit?: string;
                    "X-Cache": components["headers"]["XCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
                    "RateLimit-Policy"?: string;
                    /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
                    RateLimit?: string;
                    "X-Cache": components["headers"]["XCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            406: components["responses"]["Problem406"];
            409: components["responses"]["Problem409"];
            412: components["responses"]["Problem412"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            502: components["responses"]["Problem502"];
            503: components["responses"]["Unavailable503"];
            504: components["responses"]["Problem504"];
        };
    };
    cachedDeleteNote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
                    "RateLimit-Policy"?: string;
                    /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
                    RateLimit?: string;
                    "X-Cache": components["headers"]["XCache"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            502: components["responses"]["Problem502"];
            503: components["responses"]["Unavailable503"];
            504: components["responses"]["Problem504"];
        };
    };
    cachedNoteOptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Which methods. */
            204: {
                headers: {
                    Allow: components["headers"]["AllowOnOptions"];
                    "Accept-Patch": components["headers"]["AcceptPatchOnOptions"];
                    "Access-Control-Allow-Methods": components["headers"]["AllowMethods"];
                    "Access-Control-Allow-Headers": components["headers"]["AllowHeaders"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            /** @description A preflight from an origin that may not call the API. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            414: components["responses"]["Problem414"];
            502: components["responses"]["Problem502"];
            504: components["responses"]["Problem504"];
        };
    };
    cachedReadNoteHead: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description An HTTP date: 304 unless the note changed after it. Ignored with If-None-Match, or when it is no valid date (RFC 9110, 13.1.3).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Modified-Since"?: components["parameters"]["IfModifiedSince"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One note's fields, no body */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlNote"];
                    Vary: components["headers"]["Vary"];
                    "Last-Modified": components["headers"]["LastModified"];
                    /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
                    "RateLimit-Policy"?: string;
                    /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
                    RateLimit?: string;
                    "X-Cache": components["headers"]["XCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            /** @description The copy the client has is current. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlNote"];
                    Vary: components["headers"]["Vary"];
                    /** @description When the note last changed, to the second (RFC 9110, 8.8.2). */
                    "Last-Modified"?: string;
                    /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
                    "RateLimit-Policy"?: string;
                    /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
                    RateLimit?: string;
                    "X-Cache": components["headers"]["XCache"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            406: components["responses"]["Problem406"];
            412: components["responses"]["Problem412"];
            414: components["responses"]["Problem414"];
            429: components["responses"]["Problem429"];
            502: components["responses"]["Problem502"];
            503: components["responses"]["Unavailable503"];
            504: components["responses"]["Problem504"];
        };
    };
    cachedPatchNote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag the client read: go ahead only if it is still current (else 412).
                 * @example {etag}
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description ETags of copies the client has (304 if one is current), or * ("only if there is none").
                 * @example {etag}
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description An HTTP date: go ahead only if the note has not changed since (else 412). Ignored with If-Match, or when it is no valid date (13.1.4).
                 * @example Mon, 07 Dec 2026 17:00:00 GMT
                 */
                "If-Unmodified-Since"?: components["parameters"]["IfUnmodifiedSince"];
            };
            path: {
                /**
                 * @description The note: 1 to 64 letters, digits, "-" or "_".
                 * @example groceries
                 */
                id: components["parameters"]["NoteId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/merge-patch+json": components["schemas"]["NotePatch"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    /** @description The quota: "default";q=<requests>;w=<seconds> (draft-ietf-httpapi-ratelimit-headers, section 3). */
                    "RateLimit-Policy"?: string;
                    /** @description What is left of it: "default";r=<requests>;t=<seconds> (section 4). */
                    RateLimit?: string;
                    "X-Cache": components["headers"]["XCache"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                    "text/html": string;
                    "application/xml": string;
                    "text/plain": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            404: components["responses"]["Problem404"];
            406: components["responses"]["Problem406"];
            409: components["responses"]["Problem409"];
            412: components["responses"]["Problem412"];
            413: components["responses"]["Problem413"];
            414: components["responses"]["Problem414"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            502: components["responses"]["Problem502"];
            503: components["responses"]["Unavailable503"];
            504: components["responses"]["Problem504"];
        };
    };
    cachedStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts by X-Cache outcome. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LayerCounters"];
                };
            };
            401: components["responses"]["Problem401"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    cachedStatsHead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts by X-Cache outcome. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LayerCounters"];
                };
            };
            401: components["responses"]["Problem401"];
            429: components["responses"]["Problem429"];
            503: components["responses"]["Unavailable503"];
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    openapiHead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
}
