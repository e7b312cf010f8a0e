"""Chooses the chat model behind the agent from settings. Provider packages are optional extras,
imported only when selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.errors import SetupError

if TYPE_CHECKING:
    from assistant.settings import Settings


class BrainUnavailable(SetupError, RuntimeError):
    """The configured LLM cannot be used; the message says which extra or setting is missing."""


def make_brain(settings: "Settings", name: str | None = None, embed=None):
    name = name or settings.llm
    if name == "offline":
        from assistant.answering.offline import OfflineChatModel

        return OfflineChatModel(embed=embed, settings=settings)
    if name == "openai":
        try:
            from langchain_openai import ChatOpenAI
        except ImportError:
            raise BrainUnavailable(
                "ADVISOR_LLM=openai needs the extra: pip install -e '.[openai]'"
            ) from None
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
        return ChatOpenAI(
            model=settings.openai_model,
            base_url=settings.openai_base_url,
            api_key=key,
            temperature=settings.llm_temperature,
            # langchain-openai sends `max_tokens` as `max_completion_tokens`, which OpenAI-compatible
            # servers (llama.cpp, older vLLM) ignore: send the classic field in the body itself.
            extra_body={"max_tokens": settings.llm_max_tokens},
            timeout=settings.llm_timeout_s,
        )
    if name == "ollama":
        try:
            from langchain_ollama import ChatOllama
        except ImportError:
            raise BrainUnavailable(
                "ADVISOR_LLM=ollama needs the extra: pip install -e '.[ollama]'"
            ) from None
        return ChatOllama(
            model=settings.ollama_model,
            base_url=settings.ollama_base_url,
            temperature=settings.llm_temperature,
            num_predict=settings.llm_max_tokens,
        )
    if name == "llamacpp":
        if not settings.llamacpp_model_path:
            raise BrainUnavailable("ADVISOR_LLM=llamacpp needs ADVISOR_LLAMACPP_MODEL_PATH=/path/model.gguf")
        try:
            from langchain_community.chat_models import ChatLlamaCpp
        except ImportError:
            raise BrainUnavailable(
                "ADVISOR_LLM=llamacpp needs llama-cpp-python and langchain-community: "
                "pip install -e '.[llamacpp]' (builds llama.cpp, ~8 min)"
            ) from None
        return ChatLlamaCpp(
            model_path=str(settings.llamacpp_model_path),
            temperature=settings.llm_temperature,
            max_tokens=settings.llm_max_tokens,
            n_ctx=settings.llamacpp_context_size,
            n_threads=settings.llm_threads,
            model_kwargs={"chat_format": "chatml"},
        )
    raise BrainUnavailable(f"unknown llm '{name}'; use offline, openai, ollama or llamacpp")
