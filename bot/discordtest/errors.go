package discordtest

import (
	"fmt"
	"net/http"
)

// reply is an answer the REST side is about to send.
type reply struct {
	status int
	body   any // JSON-encoded; nil means no body
	header http.Header
}

func ok(body any) reply      { return reply{status: http.StatusOK, body: body} }
func created(body any) reply { return reply{status: http.StatusCreated, body: body} }
func noContent() reply       { return reply{status: http.StatusNoContent} }

// apiError is Discord's JSON error: {"message": ..., "code": ...}.
func apiError(status, code int, message string) reply {
	return reply{status: status, body: map[string]any{"message": message, "code": code}}
}

// httpError is the error Discord gives for plain HTTP failures, e.g.
// {"message": "404: Not Found", "code": 0}.
func httpError(status int) reply {
	return apiError(status, 0, fmt.Sprintf("%d: %s", status, http.StatusText(status)))
}

// JSON error codes used by the fake
// (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json).
const (
	CodeUnknownMessage      = 10008
	CodeUnknownUser         = 10013
	CodeUnknownWebhook      = 10015
	CodeUnknownCommand      = 10063
	CodeUnknownInteraction  = 10062
	CodeMissingAccess       = 50001
	CodeEmptyMessage        = 50006
	CodeInvalidWebhookToken = 50027
	CodeInvalidFormBody     = 50035
	CodeAlreadyAcknowledged = 40060
)

func unknownInteraction() reply {
	return apiError(http.StatusNotFound, CodeUnknownInteraction, "Unknown interaction")
}

func unknownMessage() reply {
	return apiError(http.StatusNotFound, CodeUnknownMessage, "Unknown Message")
}

func invalidWebhookToken() reply {
	return apiError(http.StatusUnauthorized, CodeInvalidWebhookToken, "Invalid Webhook Token")
}

func emptyMessage() reply {
	return apiError(http.StatusBadRequest, CodeEmptyMessage, "Cannot send an empty message")
}

// formError is Discord's 50035 Invalid Form Body with one error at path,
// e.g. formError("BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.",
// "data", "content").
func formError(code, message string, path ...string) reply {
	var errs any = map[string]any{"_errors": []any{map[string]any{"code": code, "message": message}}}
	for i := len(path) - 1; i >= 0; i-- {
		errs = map[string]any{path[i]: errs}
	}
	return reply{status: http.StatusBadRequest, body: map[string]any{
		"message": "Invalid Form Body",
		"code":    CodeInvalidFormBody,
		"errors":  errs,
	}}
}

func maxLength(n int, path ...string) reply {
	return formError("BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", n), path...)
}

func required(path ...string) reply {
	return formError("BASE_TYPE_REQUIRED", "This field is required", path...)
}
