import type { RequestHandler } from "express";

/**
 * Apollo runs the operations of a batched request (a JSON array) in parallel. More than `max` are refused with
 * HTTP 400 before any of them runs.
 */
export function batchLimit(max: number): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    if (!Array.isArray(body) || body.length <= max) return next();
    res.status(400).json({
      errors: [
        {
          message: `The request batches this many operations: ${body.length}; the limit is ${max}`,
          extensions: { code: "BAD_REQUEST", name: "batch", measured: body.length, limit: max },
        },
      ],
    });
  };
}
