/// Email and tokenized-password login.
pub struct Login {
    api_secret: Secret,
    email: String,
    password: Secret,
    password_kind: Option<String>,
}
#[automatically_derived]
impl ::core::fmt::Debug for Login {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        __f.debug_struct(::core::stringify!(Login))
            .field("accept", &::core::format_args!("{}", "\"application/json\""))
            .field(::core::stringify!(api_secret), &::core::format_args!("[REDACTED]"))
            .field(::core::stringify!(email), &self.email)
            .field(::core::stringify!(password), &::core::format_args!("[REDACTED]"))
            .field(::core::stringify!(password_kind), &self.password_kind)
            .finish()
    }
}
impl Login {
    /// Starts building this login request.
    pub fn builder() -> LoginBuilder {
        LoginBuilder {
            api_secret: ::auth_core::__private::Unset,
            email: ::auth_core::__private::Unset,
            password: ::auth_core::__private::Unset,
            password_kind: ::core::option::Option::None,
        }
    }
    /// Logs in at Up2 Money's documented base URL, `https://api.up2.money`.
    ///
    /// Returns the [`Session`](::auth_core::Session), or an
    /// [`AuthError`](::auth_core::AuthError) whose kind is the same across vendors.
    pub fn send<'__a>(
        &'__a self,
        client: &'__a ::auth_core::LoginClient,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<
            ::auth_core::Session<LoginResponse>,
            ::auth_core::AuthError,
        >,
    > + ::core::marker::Send + '__a {
        ::auth_core::__private::send(client, self, ::core::option::Option::None)
    }
    /// Logs in at another base URL: an on-premises host, staging, or a test server.
    /// The endpoint's path is appended to it.
    ///
    /// Returns the [`Session`](::auth_core::Session), or an
    /// [`AuthError`](::auth_core::AuthError) whose kind is the same across vendors.
    pub fn send_to<'__a>(
        &'__a self,
        client: &'__a ::auth_core::LoginClient,
        base_url: &'__a str,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<
            ::auth_core::Session<LoginResponse>,
            ::auth_core::AuthError,
        >,
    > + ::core::marker::Send + '__a {
        ::auth_core::__private::send(
            client,
            self,
            ::core::option::Option::Some(base_url),
        )
    }
}
/// Builds a [`Login`]: call the setter of every required field (`api_secret`, `email`, `password`), then [`build`](LoginBuilder::build).
///
/// An optional field has two setters, as in `bon`: `password_kind(value)` sets it, and `maybe_password_kind(option)` takes an `Option`, where `None` leaves it unset.
#[must_use = "a builder does nothing until `build()` is called"]
pub struct LoginBuilder<
    __S0 = ::auth_core::__private::Unset,
    __S1 = ::auth_core::__private::Unset,
    __S2 = ::auth_core::__private::Unset,
> {
    api_secret: __S0,
    email: __S1,
    password: __S2,
    password_kind: Option<String>,
}
const _: () = {
    pub mod __state {
        #[diagnostic::on_unimplemented(
            message = "`Login` cannot be built yet: the required field `api_secret` is not set",
            label = "`api_secret` is not set",
            note = "call `.api_secret(...)` on the builder before `.build()`"
        )]
        #[allow(non_camel_case_types)]
        pub trait api_secret {
            #[doc(hidden)]
            type Value;
            #[doc(hidden)]
            fn __value(self) -> Self::Value;
        }
        impl<__T> api_secret for ::auth_core::__private::Set<__T> {
            type Value = __T;
            fn __value(self) -> __T {
                self.0
            }
        }
        #[diagnostic::on_unimplemented(
            message = "`Login` cannot be built yet: the required field `email` is not set",
            label = "`email` is not set",
            note = "call `.email(...)` on the builder before `.build()`"
        )]
        #[allow(non_camel_case_types)]
        pub trait email {
            #[doc(hidden)]
            type Value;
            #[doc(hidden)]
            fn __value(self) -> Self::Value;
        }
        impl<__T> email for ::auth_core::__private::Set<__T> {
            type Value = __T;
            fn __value(self) -> __T {
                self.0
            }
        }
        #[diagnostic::on_unimplemented(
            message = "`Login` cannot be built yet: the required field `password` is not set",
            label = "`password` is not set",
            note = "call `.password(...)` on the builder before `.build()`"
        )]
        #[allow(non_camel_case_types)]
        pub trait password {
            #[doc(hidden)]
            type Value;
            #[doc(hidden)]
            fn __value(self) -> Self::Value;
        }
        impl<__T> password for ::auth_core::__private::Set<__T> {
            type Value = __T;
            fn __value(self) -> __T {
                self.0
            }
        }
    }
    impl<__S1, __S2> LoginBuilder<::auth_core::__private::Unset, __S1, __S2> {
        /// Sets `api_secret` (required).
        pub fn api_secret(
            self,
            value: impl ::core::convert::Into<Secret>,
        ) -> LoginBuilder<::auth_core::__private::Set<Secret>, __S1, __S2> {
            LoginBuilder {
                api_secret: ::auth_core::__private::Set(
                    ::core::convert::Into::into(value),
                ),
                email: self.email,
                password: self.password,
                password_kind: self.password_kind,
            }
        }
    }
    impl<__S0, __S2> LoginBuilder<__S0, ::auth_core::__private::Unset, __S2> {
        /// Sets `email` (required).
        pub fn email(
            self,
            value: impl ::core::convert::Into<String>,
        ) -> LoginBuilder<__S0, ::auth_core::__private::Set<String>, __S2> {
            LoginBuilder {
                api_secret: self.api_secret,
                email: ::auth_core::__private::Set(::core::convert::Into::into(value)),
                password: self.password,
                password_kind: self.password_kind,
            }
        }
    }
    impl<__S0, __S1> LoginBuilder<__S0, __S1, ::auth_core::__private::Unset> {
        /// Sets `password` (required).
        pub fn password(
            self,
            value: impl ::core::convert::Into<Secret>,
        ) -> LoginBuilder<__S0, __S1, ::auth_core::__private::Set<Secret>> {
            LoginBuilder {
                api_secret: self.api_secret,
                email: self.email,
                password: ::auth_core::__private::Set(
                    ::core::convert::Into::into(value),
                ),
                password_kind: self.password_kind,
            }
        }
    }
    impl<__S0, __S1, __S2> LoginBuilder<__S0, __S1, __S2> {
        /// Sets `password_kind` (optional; left out of the request when not set).
        pub fn password_kind(
            mut self,
            value: impl ::core::convert::Into<String>,
        ) -> Self {
            self.password_kind = ::core::option::Option::Some(
                ::core::convert::Into::into(value),
            );
            self
        }
        /// Sets `password_kind` from an `Option`: `None` leaves it out of the request, as if [`password_kind`](Self::password_kind) were not called.
        pub fn maybe_password_kind(
            mut self,
            value: ::core::option::Option<String>,
        ) -> Self {
            self.password_kind = value;
            self
        }
        /// Builds the request. Available once every required field is set.
        pub fn build(self) -> Login
        where
            __S0: __state::api_secret<Value = Secret>,
            __S1: __state::email<Value = String>,
            __S2: __state::password<Value = Secret>,
        {
            Login {
                api_secret: <__S0 as __state::api_secret>::__value(self.api_secret),
                email: <__S1 as __state::email>::__value(self.email),
                password: <__S2 as __state::password>::__value(self.password),
                password_kind: self.password_kind,
            }
        }
    }
    #[automatically_derived]
    impl<
        __S0: ::core::fmt::Debug,
        __S1: ::core::fmt::Debug,
        __S2: ::core::fmt::Debug,
    > ::core::fmt::Debug for LoginBuilder<__S0, __S1, __S2> {
        fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            __f.debug_struct(::core::stringify!(LoginBuilder))
                .field(::core::stringify!(api_secret), &self.api_secret)
                .field(::core::stringify!(email), &self.email)
                .field(::core::stringify!(password), &self.password)
                .field(::core::stringify!(password_kind), &self.password_kind)
                .finish()
        }
    }
};
#[automatically_derived]
impl ::auth_core::__private::LoginRequest for Login {
    fn __write_body(
        &self,
        __out: &mut ::std::vec::Vec<u8>,
    ) -> ::core::result::Result<(), ::auth_core::__private::serde_json::Error> {
        #[derive(::auth_core::__private::serde::Serialize)]
        #[serde(crate = "::auth_core::__private::serde")]
        struct __Body1<'__a> {
            #[serde(rename = "value")]
            __f0: ::auth_core::__private::SecretBody<'__a>,
            #[serde(
                rename = "kind",
                skip_serializing_if = "::auth_core::__private::is_absent"
            )]
            __f1: &'__a Option<String>,
        }
        #[derive(::auth_core::__private::serde::Serialize)]
        #[serde(crate = "::auth_core::__private::serde")]
        struct __Body0<'__a> {
            #[serde(rename = "email")]
            __f0: &'__a String,
            #[serde(rename = "password")]
            __f1: __Body1<'__a>,
        }
        ::auth_core::__private::serde_json::to_writer(
            __out,
            &__Body0 {
                __f0: &self.email,
                __f1: __Body1 {
                    __f0: ::auth_core::__private::secret_body(&self.password),
                    __f1: &self.password_kind,
                },
            },
        )
    }
    fn __describe<'__a>(
        &'__a self,
        __parts: &mut ::auth_core::__private::RequestParts<'__a>,
    ) {
        __parts.header("x-secret", &self.api_secret, true);
    }
    fn __secrets(&self, __secret: &mut dyn ::core::ops::FnMut(&str)) {
        __secret(::auth_core::Secret::expose_secret(&self.api_secret));
        __secret(::auth_core::Secret::expose_secret(&self.password));
    }
}
#[automatically_derived]
impl ::auth_core::DeclaredBaseUrl for Login {}
#[automatically_derived]
impl ::auth_core::LoginEndpoint for Login {
    type Response = LoginResponse;
    type ErrorBody = ErrorBody;
    const SPEC: &'static ::auth_core::EndpointSpec = &::auth_core::EndpointSpec::__new(
        "Up2 Money",
        ::auth_core::Method::Post,
        ::core::option::Option::Some("https://api.up2.money"),
        "/auth/login",
        ::auth_core::BodyFormat::Json,
        ::core::option::Option::Some("application/json"),
        &[("accept", "application/json")],
        &[],
        &[],
        &[
            (401u16, ::auth_core::ErrorKind::InvalidCredentials),
            (404u16, ::auth_core::ErrorKind::InvalidCredentials),
            (423u16, ::auth_core::ErrorKind::Locked),
        ],
        ::auth_core::LifetimePolicy {
            fixed: ::core::option::Option::None,
            idle: ::core::option::Option::Some(::core::time::Duration::from_secs(300u64)),
        },
        ::core::option::Option::Some(::core::time::Duration::from_secs(1800u64)),
        ::auth_core::ResponseSpec::__new(
            "LoginResponse",
            ::auth_core::Source::Body("token"),
            ::core::option::Option::None,
            ::core::option::Option::None,
            ::core::option::Option::None,
            ::auth_core::ErrorKind::Rejected,
        ),
    );
    fn __body_failed(__response: &Self::Response) -> bool {
        false
    }
    fn __credentials(
        __response: &Self::Response,
    ) -> ::auth_core::__private::BodyValues<'_> {
        ::auth_core::__private::BodyValues {
            token: {
                let __v = &__response.token;
                ::auth_core::fields::TokenField::token(__v)
            },
            refresh_token: ::core::option::Option::None,
            expiry: ::auth_core::__private::ExpiryValue::Absent,
            refresh_expiry: ::auth_core::__private::ExpiryValue::Absent,
        }
    }
}
