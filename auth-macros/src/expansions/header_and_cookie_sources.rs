pub struct Login {
    name: String,
    password: Secret,
}
#[automatically_derived]
impl ::core::default::Default for Login
where
    for<'__a> Login: ::auth_core::fields::LoginHasNoDefault,
{
    fn default() -> Self {
        <Login as ::auth_core::fields::LoginHasNoDefault>::__never()
    }
}
#[automatically_derived]
impl ::core::fmt::Debug for Login {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        #[allow(unused_imports)]
        use ::auth_core::fields::{ShownWithDebug as _, ShownWithoutDebug as _};
        __f.debug_struct(::core::stringify!(Login))
            .field(
                ::core::stringify!(name),
                (&::auth_core::fields::ShownField(&self.name)).__shown(),
            )
            .field(::core::stringify!(password), &::core::format_args!("[REDACTED]"))
            .finish()
    }
}
impl Login {
    /// Starts building this login request.
    pub fn builder() -> LoginBuilder {
        LoginBuilder {
            name: ::auth_core::builder::Unset,
            password: ::auth_core::builder::Unset,
        }
    }
    /// Logs in at Identity's documented base URL, `https://identity.example.com`.
    ///
    /// Returns the [`Session`](::auth_core::Session), or an
    /// [`AuthError`](::auth_core::AuthError) whose kind is the same across vendors.
    pub fn send<'__a>(
        &'__a self,
        client: &'__a ::auth_core::LoginClient,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<
            ::auth_core::Session<TokenResponse>,
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
            ::auth_core::Session<TokenResponse>,
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
/// Builds a [`Login`]: call the setter of every required field (`name`, `password`) once, then [`build`](LoginBuilder::build).
///
/// Each type parameter, named after a required field, is [`Unset`](::auth_core::builder::Unset) until its setter is called and [`Set`](::auth_core::builder::Set) after.
#[must_use = "a builder does nothing until `build()` is called"]
#[allow(non_camel_case_types)]
pub struct LoginBuilder<
    name = ::auth_core::builder::Unset,
    password = ::auth_core::builder::Unset,
> {
    name: name,
    password: password,
}
/// The states of [`LoginBuilder`]'s required fields.
#[doc(hidden)]
#[allow(non_snake_case, non_camel_case_types)]
pub mod __LoginBuilder_states {
    #[diagnostic::on_unimplemented(
        message = "`Login` cannot be built yet: the required field `name` is not set",
        label = "`name` is not set",
        note = "call `.name(...)` on the builder before `.build()`"
    )]
    pub trait name_is_set {
        #[doc(hidden)]
        type Value;
        #[doc(hidden)]
        fn __value(self) -> Self::Value;
    }
    #[diagnostic::do_not_recommend]
    impl<__T> name_is_set for ::auth_core::builder::Set<__T> {
        type Value = __T;
        fn __value(self) -> __T {
            self.0
        }
    }
    #[diagnostic::on_unimplemented(
        message = "the required field `name` is already set",
        label = "`name` was set by an earlier `.name(...)`",
        note = "a setter is called once; remove one of the `.name(...)` calls"
    )]
    pub trait name_is_unset {}
    #[diagnostic::do_not_recommend]
    impl name_is_unset for ::auth_core::builder::Unset {}
    #[diagnostic::on_unimplemented(
        message = "`Login` cannot be built yet: the required field `password` is not set",
        label = "`password` is not set",
        note = "call `.password(...)` on the builder before `.build()`"
    )]
    pub trait password_is_set {
        #[doc(hidden)]
        type Value;
        #[doc(hidden)]
        fn __value(self) -> Self::Value;
    }
    #[diagnostic::do_not_recommend]
    impl<__T> password_is_set for ::auth_core::builder::Set<__T> {
        type Value = __T;
        fn __value(self) -> __T {
            self.0
        }
    }
    #[diagnostic::on_unimplemented(
        message = "the required field `password` is already set",
        label = "`password` was set by an earlier `.password(...)`",
        note = "a setter is called once; remove one of the `.password(...)` calls"
    )]
    pub trait password_is_unset {}
    #[diagnostic::do_not_recommend]
    impl password_is_unset for ::auth_core::builder::Unset {}
    #[diagnostic::on_unimplemented(
        message = "`Login` is sent once built: call `.build()` first",
        label = "this is `Login`'s builder, not a `Login`",
        note = "call `.build()` after the setters: `Login::builder()...build().send(&client)`"
    )]
    pub trait call_build_first {}
    #[doc(hidden)]
    pub enum __Never {}
    #[diagnostic::do_not_recommend]
    impl call_build_first for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`Login` is already built: `.build()` is a method of its builder",
        label = "this is a `Login`, made by `.build()`",
        note = "remove this `.build()`; a `Login` is sent with `.send(&client)` or `.send_to(&client, base_url)`"
    )]
    pub trait already_built {}
    #[diagnostic::do_not_recommend]
    impl already_built for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.build()` returns the `Login` itself, not a `Result`: there is nothing to unwrap",
        label = "this is a `Login`",
        note = "remove this call: `.build()` compiles only once every required field is set, so it cannot fail"
    )]
    pub trait build_cannot_fail {}
    #[diagnostic::do_not_recommend]
    impl build_cannot_fail for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.name(...)` is a setter of `Login`'s builder, not of a built `Login`",
        label = "`Login` is already built here",
        note = "call `.name(...)` before `.build()`: `Login::builder()...name(...)...build()`"
    )]
    pub trait name_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl name_is_set_before_build for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.password(...)` is a setter of `Login`'s builder, not of a built `Login`",
        label = "`Login` is already built here",
        note = "call `.password(...)` before `.build()`: `Login::builder()...password(...)...build()`"
    )]
    pub trait password_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl password_is_set_before_build for __Never {}
}
#[doc(hidden)]
pub trait LoginSetters {
    #[doc(hidden)]
    fn name<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::name_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn password<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::password_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn build(&mut self) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::already_built,
    {
        self
    }
    #[doc(hidden)]
    fn unwrap(&mut self) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::build_cannot_fail,
    {
        self
    }
    #[doc(hidden)]
    fn expect(&mut self, message: &str) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::build_cannot_fail,
    {
        let _ = message;
        self
    }
}
impl LoginSetters for Login {}
#[allow(non_camel_case_types)]
impl<name, password> LoginBuilder<name, password> {
    /// Sets `name` (required; once).
    pub fn name(
        self,
        value: impl ::auth_core::builder::FieldValue<String>,
    ) -> LoginBuilder<::auth_core::builder::Set<String>, password>
    where
        name: __LoginBuilder_states::name_is_unset,
    {
        LoginBuilder {
            name: ::auth_core::builder::Set(
                ::auth_core::builder::FieldValue::into_field(value),
            ),
            password: self.password,
        }
    }
    /// Sets `password` (required; once).
    pub fn password(
        self,
        value: impl ::auth_core::builder::FieldValue<Secret>,
    ) -> LoginBuilder<name, ::auth_core::builder::Set<Secret>>
    where
        password: __LoginBuilder_states::password_is_unset,
    {
        LoginBuilder {
            name: self.name,
            password: ::auth_core::builder::Set(
                ::auth_core::builder::FieldValue::into_field(value),
            ),
        }
    }
    /// Builds the request. Available once every required field is set.
    pub fn build(self) -> Login
    where
        name: __LoginBuilder_states::name_is_set<Value = String>,
        password: __LoginBuilder_states::password_is_set<Value = Secret>,
    {
        Login {
            name: <name as __LoginBuilder_states::name_is_set>::__value(self.name),
            password: <password as __LoginBuilder_states::password_is_set>::__value(
                self.password,
            ),
        }
    }
    #[doc(hidden)]
    pub fn send(
        self,
        client: &::auth_core::LoginClient,
    ) -> ::auth_core::__private::NotBuilt<TokenResponse>
    where
        for<'__any> Self: __LoginBuilder_states::call_build_first,
    {
        let _ = client;
        ::auth_core::__private::NotBuilt::new("Login")
    }
    #[doc(hidden)]
    pub fn send_to(
        self,
        client: &::auth_core::LoginClient,
        base_url: &str,
    ) -> ::auth_core::__private::NotBuilt<TokenResponse>
    where
        for<'__any> Self: __LoginBuilder_states::call_build_first,
    {
        let _ = (client, base_url);
        ::auth_core::__private::NotBuilt::new("Login")
    }
}
#[diagnostic::do_not_recommend]
#[allow(non_camel_case_types)]
impl<name, password> ::auth_core::DeclaredBaseUrl for LoginBuilder<name, password> {}
#[automatically_derived]
#[allow(non_camel_case_types)]
impl<name: ::core::fmt::Debug, password: ::core::fmt::Debug> ::core::fmt::Debug
for LoginBuilder<name, password> {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        #[allow(unused_imports)]
        use ::auth_core::fields::{ShownWithDebug as _, ShownWithoutDebug as _};
        __f.debug_struct(::core::stringify!(LoginBuilder))
            .field(::core::stringify!(name), &self.name)
            .field(::core::stringify!(password), &self.password)
            .finish()
    }
}
#[automatically_derived]
impl ::auth_core::__private::LoginRequest for Login {
    fn __write_body(
        &self,
        __out: &mut ::std::vec::Vec<u8>,
    ) -> ::core::result::Result<(), ::auth_core::__private::serde_json::Error> {
        let mut __object = ::auth_core::__private::JsonObjectWriter::new(__out);
        <String as ::auth_core::fields::JsonValue>::__write(
            &self.name,
            &mut __object,
            "name",
        )?;
        __object
            .secret("password", ::auth_core::__private::secret_body(&self.password))?;
        __object.finish();
        ::core::result::Result::Ok(())
    }
    fn __describe<'__a>(
        &'__a self,
        __parts: &mut ::auth_core::__private::RequestParts<'__a>,
    ) {}
    fn __secrets(&self, __secret: &mut dyn ::core::ops::FnMut(&str)) {
        __secret(::auth_core::Secret::expose_secret(&self.password));
    }
}
#[automatically_derived]
#[diagnostic::do_not_recommend]
impl ::auth_core::DeclaredBaseUrl for Login {}
#[automatically_derived]
#[diagnostic::do_not_recommend]
impl ::auth_core::LoginEndpoint for Login {
    type Response = TokenResponse;
    type ErrorBody = ::auth_core::NoErrorBody;
    type Itself = Self;
    const SPEC: &'static ::auth_core::EndpointSpec = &::auth_core::EndpointSpec::__new(
            "Identity",
            ::auth_core::Method::Post,
            ::core::option::Option::Some("https://identity.example.com"),
            "/v3/auth/tokens",
            ::auth_core::BodyFormat::Json,
            ::core::option::Option::Some("application/json"),
            &[],
            &[],
            &[],
            &[],
            &[],
            ::auth_core::LifetimePolicy {
                fixed: ::core::option::Option::Some(
                    ::core::time::Duration::from_secs(3600u64),
                ),
                idle: ::core::option::Option::None,
            },
            ::core::option::Option::None,
            ::auth_core::ResponseSpec::__new(
                "TokenResponse",
                ::auth_core::Source::Header("x-subject-token"),
                ::core::option::Option::Some(::auth_core::Source::Cookie("refresh")),
                ::core::option::Option::Some(
                    ::auth_core::Expiry::In(
                        ::auth_core::Source::Body("session.expires"),
                        ::auth_core::TimeUnit::Millis,
                    ),
                ),
                ::core::option::Option::Some(
                    ::auth_core::Expiry::At(
                        ::auth_core::Source::Header("x-refresh-expires"),
                        ::auth_core::TimeFormat::UnixSeconds,
                    ),
                ),
                ::auth_core::ErrorKind::Forbidden,
            ),
        )
        .__fields_only_in_body();
    fn __decode(
        __body: &[u8],
    ) -> ::core::result::Result<
        Self::Response,
        ::auth_core::__private::serde_json::Error,
    > {
        <TokenResponse as ::auth_core::ResponseBody>::__decode(__body)
    }
    fn __body_failed(__response: &Self::Response) -> bool {
        {
            let __v = &__response.mfa;
            (::auth_core::fields::PresenceField::is_present(__v)
                && {
                    #[allow(unused_imports)]
                    use ::auth_core::fields::{
                        AnyValueStatesAFailure as _, EmptyStatesNoFailure as _,
                    };
                    (&::auth_core::fields::Presence(__v)).__states_a_failure()
                })
        }
    }
    fn __credentials(
        __response: &Self::Response,
    ) -> ::auth_core::__private::BodyValues<'_> {
        ::auth_core::__private::BodyValues {
            token: ::core::option::Option::None,
            refresh_token: ::core::option::Option::None,
            expiry: ::core::option::Option::unwrap_or(
                '__walk: {
                    #[allow(unused_imports)]
                    use ::auth_core::__private::Present as _;
                    let __v = __response;
                    let __v = &__v.session;
                    let __v = match ::auth_core::__private::Step(__v).enter() {
                        ::core::option::Option::Some(__s) => __s,
                        ::core::option::Option::None => {
                            break '__walk ::core::option::Option::None;
                        }
                    };
                    let __p = {
                        #[allow(unused_imports)]
                        use ::auth_core::fields::{ListProbe as _, RecordProbe as _};
                        let __p = (&::auth_core::fields::Probe(__v)).walk();
                        ::auth_core::fields::FieldStep::__check(__p);
                        __p
                    };
                    let __v = match ::auth_core::fields::HasFields::element(__p) {
                        ::core::option::Option::Some(__s) => __s,
                        ::core::option::Option::None => {
                            break '__walk ::core::option::Option::None;
                        }
                    };
                    let __v = &__v.expires;
                    ::core::option::Option::Some(
                        ::auth_core::fields::TimeNumberField::expiry_value(__v),
                    )
                },
                ::auth_core::__private::ExpiryValue::Absent,
            ),
            refresh_expiry: ::auth_core::__private::ExpiryValue::Absent,
        }
    }
}
