package discordtest

import (
	"encoding/json"

	"github.com/bwmarrin/discordgo"
)

// Marshal encodes v the way Discord would send it. It is json.Marshal except
// that json.RawMessage and []byte are taken as JSON already, and that
// discordgo types whose own marshalling drops fields are completed:
// Message, MessageCreate and MessageUpdate (components, which discordgo tags
// json:"-"), and Interaction and InteractionCreate (the components of the
// message a component sits on and of a modal submit).
func Marshal(v any) (json.RawMessage, error) {
	switch x := v.(type) {
	case nil:
		return json.RawMessage("null"), nil
	case json.RawMessage:
		return x, nil
	case []byte:
		return json.RawMessage(x), nil
	case *discordgo.Interaction:
		return marshalInteraction(x)
	case discordgo.Interaction:
		return marshalInteraction(&x)
	case *discordgo.InteractionCreate:
		return marshalInteraction(x.Interaction)
	case *discordgo.Message:
		return marshalMessage(x)
	case discordgo.Message:
		return marshalMessage(&x)
	case *discordgo.MessageCreate:
		return marshalMessage(x.Message)
	case *discordgo.MessageUpdate:
		return marshalMessage(x.Message)
	}
	return json.Marshal(v)
}

// patch replaces keys of a JSON object.
func patch(b []byte, fields map[string]json.RawMessage) (json.RawMessage, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return nil, err
	}
	for k, v := range fields {
		obj[k] = v
	}
	return json.Marshal(obj)
}

func marshalComponents(cs []discordgo.MessageComponent) (json.RawMessage, error) {
	if cs == nil {
		cs = []discordgo.MessageComponent{}
	}
	return json.Marshal(cs)
}

func marshalMessage(m *discordgo.Message) (json.RawMessage, error) {
	if m == nil {
		return json.RawMessage("null"), nil
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	fields := map[string]json.RawMessage{}
	if fields["components"], err = marshalComponents(m.Components); err != nil {
		return nil, err
	}
	if m.ReferencedMessage != nil {
		if fields["referenced_message"], err = marshalMessage(m.ReferencedMessage); err != nil {
			return nil, err
		}
	}
	return patch(b, fields)
}

func marshalInteraction(i *discordgo.Interaction) (json.RawMessage, error) {
	if i == nil {
		return json.RawMessage("null"), nil
	}
	b, err := json.Marshal(i)
	if err != nil {
		return nil, err
	}
	fields := map[string]json.RawMessage{}
	if i.Message != nil {
		if fields["message"], err = marshalMessage(i.Message); err != nil {
			return nil, err
		}
	}
	var modal *discordgo.ModalSubmitInteractionData
	switch d := i.Data.(type) {
	case discordgo.ModalSubmitInteractionData:
		modal = &d
	case *discordgo.ModalSubmitInteractionData:
		modal = d
	}
	if modal != nil {
		comps, err := marshalComponents(modal.Components)
		if err != nil {
			return nil, err
		}
		if fields["data"], err = json.Marshal(map[string]json.RawMessage{
			"custom_id":  mustJSON(modal.CustomID),
			"components": comps,
		}); err != nil {
			return nil, err
		}
	}
	return patch(b, fields)
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
